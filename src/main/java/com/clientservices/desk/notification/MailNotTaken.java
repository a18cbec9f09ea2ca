package com.clientservices.desk.notification;

import com.clientservices.desk.engine.DeferredJobs;
import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.ticket.TicketRepository;
import java.time.Duration;
import java.util.HashMap;
import org.springframework.stereotype.Component;

/**
 * Tells a registered contact that an e-mail of theirs became neither a request nor a reply, and why
 * (README, "Mail from customers"): a reply to a ticket that takes none, or a request from a contact of several
 * members. Without it the customer believes the desk has their words. Mail from strangers and machines is never
 * answered (docs/specification.md §12). The message is itself automatic, and an address gets at most one a day
 * about each ticket (and one about none), so a responder that answers it anyway cannot keep a loop going.
 */
@Component
public class MailNotTaken {

    /** The message kind (its template's name). */
    public static final String KIND_NAME = "mail-not-taken";

    private static final String KIND = KIND_NAME;
    private static final Duration QUIET = Duration.ofDays(1);

    private final MessageTemplates templates;
    private final MessageModels models;
    private final Notifications notifications;
    private final DeferredJobs jobs;
    private final DeliverMessage delivery;
    private final TicketRepository tickets;
    private final Members members;
    private final DeskClock clock;

    MailNotTaken(
            MessageTemplates templates,
            MessageModels models,
            Notifications notifications,
            DeferredJobs jobs,
            DeliverMessage delivery,
            TicketRepository tickets,
            Members members,
            DeskClock clock) {
        this.templates = templates;
        this.models = models;
        this.notifications = notifications;
        this.jobs = jobs;
        this.delivery = delivery;
        this.tickets = tickets;
        this.members = members;
        this.clock = clock;
    }

    /**
     * Queues the message to the contact, in the caller's transaction, unless their address had one about the same
     * ticket (or about none) in the last day.
     *
     * @param ticketKey the ticket the mail named, if it named one of theirs
     * @param reason    why, in words the customer reads, with what to do instead
     * @return whether a message was queued
     */
    public boolean tell(String contactId, String address, String ticketKey, String subject, String reason) {
        var name = models.name(contactId);
        var values = new HashMap<String, Object>();
        values.put("mailSubject", subject == null || subject.isBlank() ? "(no subject)" : subject);
        values.put("mailReceived", clock.nowUtc());
        values.put("reason", reason);
        var ticket = ticketKey == null ? null : tickets.findByKey(ticketKey).orElse(null);
        if (notifications.queuedFor(
                        KIND,
                        ticket == null ? null : ticket.id(),
                        address,
                        clock.nowUtc().minus(QUIET))
                > 0) {
            return false;
        }
        var model = ticket == null
                ? models.withoutTicket(name, values)
                : models.of(ticket, members.find(ticket.memberId()).orElseThrow(), name, true, values);
        var id = notifications.queue(
                ticket == null ? null : ticket.id(), KIND, contactId, address, templates.render(KIND, model));
        jobs.deferFromTheDesk(delivery, Long.toString(id));
        return true;
    }
}
