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
    REDIRECTED;

    /**
     * A ticket is open while the desk has something left to do on it: not closed, and not redirected
     * to the account representative (docs/specification.md §14, the SLA board's open tickets).
     */
    public boolean open() {
        return this != CLOSED && this != REDIRECTED;
    }

    /** The same rule as SQL over a ticket table's {@code status} column, e.g. {@code openIn("t.status")}. */
    public static String openIn(String statusColumn) {
        return statusColumn + " not in ('" + CLOSED + "', '" + REDIRECTED + "')";
    }
}
