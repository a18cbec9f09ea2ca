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

    TicketStatusChange(TicketRepository tickets) {
        this.tickets = tickets;
    }

    public void change(DelegateExecution execution, String status) {
        tickets.updateStatus((Long) execution.getVariable("ticketId"), TicketStatus.valueOf(status),
                ProcessText.actor(execution, null));
    }
}
