/**
 * Tickets: intake of customers' requests (docs/specification.md §4), the ticket records and their statuses, the
 * ticket API (docs/specification.md §9) and the small delegates the lifecycle models call to keep tickets current.
 */
package com.clientservices.desk.ticket;
