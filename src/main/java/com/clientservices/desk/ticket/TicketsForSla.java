package com.clientservices.desk.ticket;

import com.clientservices.desk.sla.SlaTickets;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The ticket records behind the SLA clocks; see {@link SlaTickets} for why sla asks through it. */
@Component
class TicketsForSla implements SlaTickets {

    private final TicketOfProcess ticketOf;
    private final TicketRepository tickets;

    TicketsForSla(TicketOfProcess ticketOf, TicketRepository tickets) {
        this.ticketOf = ticketOf;
        this.tickets = tickets;
    }

    @Override
    public SlaTicket of(DelegateExecution execution) {
        var t = ticketOf.of(execution);
        return new SlaTicket(t.id(), t.key(), t.subject(), t.team(), t.emergency(), t.submittedAt());
    }

    @Override
    public SlaTicket byId(long ticketId) {
        var t = tickets.find(ticketId).orElseThrow(() -> new IllegalStateException("no ticket " + ticketId));
        return new SlaTicket(t.id(), t.key(), t.subject(), t.team(), t.emergency(), t.submittedAt());
    }

    @Override
    public void updateAcknowledgeBy(long ticketId, OffsetDateTime due) {
        tickets.updateAcknowledgeBy(ticketId, due);
    }
}
