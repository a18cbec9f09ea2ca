package com.clientservices.desk.ticket;

import com.clientservices.desk.history.TicketEvents;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** What the team asked and told the customer and what the customer answered, kept in the ticket's audit log. */
@Component("conversation")
public class Conversation {

    private final TicketEvents events;
    private final TicketOfProcess ticketOf;

    Conversation(TicketEvents events, TicketOfProcess ticketOf) {
        this.events = events;
        this.ticketOf = ticketOf;
    }

    public void add(long ticketId, Kind kind, String author, String body) {
        events.record(ticketId, TicketEvents.Type.valueOf(kind.name()), author, body);
    }

    /**
     * Records what the team sent the customer, as the models name it:
     * {@code ${conversation.note(execution, 'STATUS_UPDATE', 'statusUpdate')}}.
     */
    public void note(DelegateExecution execution, String kind, String variable) {
        add(
                ticketOf.idOf(execution),
                Kind.valueOf(kind),
                ProcessText.actor(execution, "team"),
                String.valueOf(execution.getVariable(variable)));
    }

    public enum Kind {
        QUESTIONS,
        ANSWER,
        STATUS_UPDATE,
        RESOLUTION
    }
}
