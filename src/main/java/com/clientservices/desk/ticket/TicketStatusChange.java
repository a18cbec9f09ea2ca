package com.clientservices.desk.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the ticket's status current as the models move; the models say when, with listeners such
 * as {@code ${ticketStatus.change(execution, 'ACKNOWLEDGED')}}.
 */
@Component("ticketStatus")
public class TicketStatusChange {

    private final TicketRepository tickets;
    private final TicketOfProcess ticketOf;

    TicketStatusChange(TicketRepository tickets, TicketOfProcess ticketOf) {
        this.tickets = tickets;
        this.ticketOf = ticketOf;
    }

    public void change(DelegateExecution execution, String status) {
        tickets.updateStatus(ticketOf.idOf(execution), TicketStatus.valueOf(status),
                ProcessText.actor(execution, null));
    }
}
