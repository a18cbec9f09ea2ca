/**
 * Tickets: intake of customers' requests (SPEC §4), the ticket records and their statuses, the
 * ticket API (SPEC §9) and the small delegates the lifecycle models call to keep tickets current.
 */
package com.clientservices.desk.ticket;
