package com.clientservices.desk.ticket;

import com.clientservices.desk.history.TicketEvents;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** What the team asked and told the customer and what the customer answered, kept in the ticket's audit log. */
@Component("conversation")
public class Conversation {

    static final String NO_NOTE = "We have your request and are working on it.";

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
        var text = execution.getVariable(variable);
        // An acknowledgement without a note is still a message the customer received.
        add(
                ticketOf.idOf(execution),
                Kind.valueOf(kind),
                ProcessText.actor(execution, "team"),
                text == null || String.valueOf(text).isBlank() ? NO_NOTE : String.valueOf(text));
    }

    public enum Kind {
        ACKNOWLEDGEMENT,
        QUESTIONS,
        ANSWER,
        ADDED_INFORMATION,
        STATUS_UPDATE,
        RESOLUTION
    }
}
