package com.clientservices.desk.ticket;

import com.clientservices.desk.history.TicketEvents;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What the desk knows of a ticket beyond its record, for the people who show it: what is still
 * missing, the files attached, and the conversation with the customer. One place for each, so
 * the API, the pages, Tasklist's forms and messages all say the same.
 */
@Service
public class TicketDetails {

    /** The entries of the ticket's log that are messages to or from the customer. */
    static final Set<TicketEvents.Type> CONVERSATION = EnumSet.of(
            TicketEvents.Type.ACKNOWLEDGEMENT,
            TicketEvents.Type.QUESTIONS,
            TicketEvents.Type.ANSWER,
            TicketEvents.Type.ADDED_INFORMATION,
            TicketEvents.Type.STATUS_UPDATE,
            TicketEvents.Type.RESOLUTION);

    private final TicketRepository tickets;
    private final RequestTypeCatalogue requestTypes;
    private final Attachments attachments;
    private final TicketEvents events;

    TicketDetails(
            TicketRepository tickets, RequestTypeCatalogue requestTypes, Attachments attachments, TicketEvents events) {
        this.tickets = tickets;
        this.requestTypes = requestTypes;
        this.attachments = attachments;
        this.events = events;
    }

    public Optional<Ticket> byKey(String key) {
        return tickets.findByKey(key);
    }

    /** The details docs/specification.md §4 expects that the ticket lacks, by field name. */
    public List<String> missing(Ticket ticket) {
        return missing(ticket, attachments.of(ticket.id()));
    }

    /** The same, for a caller that has read the ticket's files already. */
    public List<String> missing(Ticket ticket, List<Attachments.Attachment> files) {
        var hasScreenshot = files.stream().anyMatch(Attachments.Attachment::isImage);
        return MissingInformation.of(
                ticket, requestTypes.find(ticket.requestType()).orElse(null), hasScreenshot);
    }

    public List<Attachments.Attachment> attachments(Ticket ticket) {
        return attachments.of(ticket.id());
    }

    /** Every message to and from the customer, oldest first. */
    public List<Message> conversation(Ticket ticket) {
        return events.of(ticket.id()).stream()
                .filter(event -> CONVERSATION.contains(event.type()))
                .map(event -> new Message(
                        event.at(), Conversation.Kind.valueOf(event.type().name()), event.actor(), event.detail()))
                .toList();
    }

    /** The ticket's log, oldest first. */
    public List<TicketEvents.Event> log(Ticket ticket) {
        return events.of(ticket.id());
    }

    /** One message of the conversation: when, which kind, who wrote it (a user id) and what it says. */
    public record Message(OffsetDateTime at, Conversation.Kind kind, String from, String text) {}
}
