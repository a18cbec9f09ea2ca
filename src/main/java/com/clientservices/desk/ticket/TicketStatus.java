package com.clientservices.desk.ticket;

/** The statuses a customer and an auditor see (docs/specification.md §5). */
public enum TicketStatus {
    NEW,
    ACKNOWLEDGED,
    IN_PROGRESS,
    WAITING_ON_CUSTOMER,
    WAITING_ON_ENGINEERING,
    RESOLVED,
    CLOSED,
    REDIRECTED
}
