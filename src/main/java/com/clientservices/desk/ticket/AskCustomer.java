package com.clientservices.desk.ticket;

import com.clientservices.desk.engine.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the agent's follow-up questions to the customer; the ticket then waits on the customer. */
@Component("askCustomer")
class AskCustomer implements JavaDelegate {

    private final Conversation conversation;
    private final TicketStatusChange status;
    private final TicketOfProcess ticketOf;

    AskCustomer(Conversation conversation, TicketStatusChange status, TicketOfProcess ticketOf) {
        this.conversation = conversation;
        this.status = status;
        this.ticketOf = ticketOf;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var ticketId = ticketOf.idOf(execution);
        var agent = ProcessText.actor(execution, "team");
        conversation.add(
                ticketId, Conversation.Kind.QUESTIONS, agent, ProcessVariables.CUSTOMER_QUESTIONS.get(execution));
        status.change(ticketId, TicketStatus.WAITING_ON_CUSTOMER, agent);
    }
}
