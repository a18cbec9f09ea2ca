-- Every e-mail carries an HTML part beside the plain text (docs/specification.md §7, §13): the HTML as rendered
-- with the text, so a retried delivery sends what was queued. Empty for messages queued before it existed,
-- which leave as plain text. As long as the body may grow when escaped (& becomes &amp;).
alter table notification add column body_html varchar(1000000);
