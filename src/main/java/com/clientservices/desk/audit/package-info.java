/**
 * Auditors' view (docs/specification.md §1, §9): a ticket's complete timeline from the engine's history and the
 * desk's own records, SLA compliance reports with exports, and the server-rendered audit pages.
 */
package com.clientservices.desk.audit;
