package com.clientservices.desk.sla;

import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The tickets as the {@link SlaClock} needs them. Tickets show their targets, so ticket depends on
 * sla; the ticket package implements this, so that sla does not depend on ticket in return.
 */
public interface SlaTickets {

    /** The ticket a running process belongs to, or an {@link IllegalStateException} when none. */
    SlaTicket of(DelegateExecution execution);

    /** The ticket of that id, or an {@link IllegalStateException} when none. */
    SlaTicket byId(long ticketId);

    /** Records on the ticket when its acknowledgement is due. */
    void updateAcknowledgeBy(long ticketId, OffsetDateTime due);

    /** What a clock reads of a ticket: its own record, never a process variable (docs/specification.md §8). */
    record SlaTicket(long id, String key, String subject, String team, boolean emergency, OffsetDateTime submittedAt) {}
}
