package com.clientservices.desk.ticket;

/** How a ticket reached the desk (docs/specification.md §12): shown with the ticket as {@code channel}. */
public enum Channel {
    PORTAL,
    API,
    EMAIL
}
