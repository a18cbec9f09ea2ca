-- A message to a whole team or to the managers lists every member's address.
alter table notification alter column address set data type varchar(20000);
