package com.clientservices.desk.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the agent's follow-up questions to the customer; the ticket then waits on the customer. */
@Component("askCustomer")
class AskCustomer implements JavaDelegate {

    private final Conversation conversation;
    private final TicketRepository tickets;

    AskCustomer(Conversation conversation, TicketRepository tickets) {
        this.conversation = conversation;
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var ticketId = (Long) execution.getVariable("ticketId");
        var agent = ProcessText.actor(execution, "team");
        conversation.add(ticketId, Conversation.Kind.QUESTIONS, agent, (String) execution.getVariable("customerQuestions"));
        tickets.updateStatus(ticketId, TicketStatus.WAITING_ON_CUSTOMER, agent);
    }
}
