package com.clientservices.desk.ticket;

import com.clientservices.desk.history.TicketEvents;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the ticket's status current as the models move; the models say when, with listeners such
 * as {@code ${ticketStatus.change(execution, 'ACKNOWLEDGED')}}. The models know it as
 * {@code ticketStatus}, not by the class name, which {@link TicketStatus} already takes
 * (docs/architecture.md, "Beans the models name").
 */
@Component("ticketStatus")
public class TicketStatusChange {

    private final TicketRepository tickets;
    private final TicketEvents events;
    private final TicketOfProcess ticketOf;

    TicketStatusChange(TicketRepository tickets, TicketEvents events, TicketOfProcess ticketOf) {
        this.tickets = tickets;
        this.events = events;
        this.ticketOf = ticketOf;
    }

    public void change(DelegateExecution execution, String status) {
        change(ticketOf.idOf(execution), TicketStatus.valueOf(status), ProcessText.actor(execution, null));
    }

    /**
     * The customer's reply reopened the closed ticket within the reopen window the model keeps
     * (docs/specification.md §5): a REOPENED entry in the timeline, then back to IN_PROGRESS with
     * the team that closed it, which the ticket record still names.
     */
    public void reopen(DelegateExecution execution) {
        var ticketId = ticketOf.idOf(execution);
        events.record(ticketId, TicketEvents.Type.REOPENED, ProcessText.actor(execution, null), null);
        change(ticketId, TicketStatus.IN_PROGRESS, ProcessText.actor(execution, null));
    }

    /** Changes the status and records the change with who caused it; no record when nothing changes. */
    void change(long ticketId, TicketStatus status, String actor) {
        tickets.updateStatus(ticketId, status)
                .ifPresent(before ->
                        events.record(ticketId, TicketEvents.Type.STATUS_CHANGED, actor, before + " → " + status));
    }
}
