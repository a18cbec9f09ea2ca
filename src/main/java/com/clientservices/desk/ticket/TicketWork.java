package com.clientservices.desk.ticket;

import com.clientservices.desk.engine.ProcessVariables;
import com.clientservices.desk.history.TicketEvents;
import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.identity.DeskUser;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.refusal.Conflict;
import com.clientservices.desk.refusal.Invalid;
import com.clientservices.desk.refusal.NotAllowed;
import com.clientservices.desk.refusal.NotFound;
import com.clientservices.desk.web.RetryOnConcurrentChange;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** What customers and engineering do to a running ticket: answer questions, release a fix. */
@Service
public class TicketWork {

    static final String CUSTOMER_REPLIED = "CustomerReplied";
    static final String ENGINEERING_FIX_RELEASED = "EngineeringFixReleased";
    static final int MESSAGE_MAX = 20_000;

    private final TicketRepository tickets;
    private final Members members;
    private final Conversation conversation;
    private final RuntimeService runtime;
    private final TicketEvents events;
    private final RetryOnConcurrentChange retry;

    TicketWork(
            TicketRepository tickets,
            Members members,
            Conversation conversation,
            RuntimeService runtime,
            TicketEvents events,
            RetryOnConcurrentChange retry) {
        this.events = events;
        this.retry = retry;
        this.tickets = tickets;
        this.members = members;
        this.conversation = conversation;
        this.runtime = runtime;
    }

    public Ticket reply(String key, String message, DeskUser contact) {
        return retry.run(key, () -> replyOnce(key, message, contact));
    }

    private Ticket replyOnce(String key, String message, DeskUser contact) {
        var ticket = tickets.lockByKey(key).orElseThrow(() -> new NotFound("No ticket " + key));
        if (!members.isContact(ticket.memberId(), contact.id())) {
            throw TicketAccess.refusal(
                    contact, key, "Only a registered contact of member " + ticket.memberId() + " may reply to " + key);
        }
        if (message == null || message.isBlank()) {
            throw new Invalid("message", "is required");
        }
        if (message.length() > MESSAGE_MAX) {
            throw new Invalid("message", "has " + message.length() + " characters; at most " + MESSAGE_MAX);
        }
        if (TicketValidation.hasNul(message)) {
            throw new Invalid("message", TicketValidation.NUL_MESSAGE);
        }
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new Conflict(key + " is closed and takes no more replies; please open a new ticket");
        }
        if (ticket.status() != TicketStatus.WAITING_ON_CUSTOMER) {
            throw new Conflict(key + " is not waiting on the customer (status " + ticket.status() + ")");
        }
        // Logged first: the answer is what moves the ticket on.
        events.record(ticket.id(), TicketEvents.Type.CUSTOMER_REPLIED, contact.id(), null);
        conversation.add(ticket.id(), Conversation.Kind.ANSWER, contact.id(), message);
        var answer = ProcessText.forVariable(message, key);
        var correlated = runtime.createMessageCorrelation(CUSTOMER_REPLIED)
                .processInstanceBusinessKey(key)
                .setVariables(Map.of(ProcessVariables.CUSTOMER_ANSWER.name(), answer))
                .correlateAllWithResult();
        if (correlated.isEmpty()) {
            throw new Conflict(key + " is not waiting on the customer");
        }
        return tickets.find(ticket.id()).orElseThrow();
    }

    /** Releases every ticket waiting on the bug; the named ticket must be one of them. */
    List<String> engineeringFix(String key, String bugId, String releaseNote, DeskUser user) {
        return retry.run(key, () -> engineeringFixOnce(key, bugId, releaseNote, user));
    }

    private List<String> engineeringFixOnce(String key, String bugId, String releaseNote, DeskUser user) {
        if (!user.in(DeskGroups.ENGINEERING)) {
            throw new NotAllowed("Only engineering may release fixes");
        }
        var ticket = tickets.lockByKey(key).orElseThrow(() -> new NotFound("No ticket " + key));
        if (bugId == null || bugId.isBlank()) {
            throw new Invalid("bugId", "is required");
        }
        if (TicketValidation.hasNul(bugId)) {
            throw new Invalid("bugId", TicketValidation.NUL_MESSAGE);
        }
        if (TicketValidation.hasNul(releaseNote)) {
            throw new Invalid("releaseNote", TicketValidation.NUL_MESSAGE);
        }
        if (releaseNote != null && releaseNote.length() > ProcessText.VARIABLE_TEXT_MAX) {
            throw new Invalid(
                    "releaseNote",
                    "has " + releaseNote.length() + " characters; at most " + ProcessText.VARIABLE_TEXT_MAX);
        }
        var waiting = runtime.createExecutionQuery()
                .messageEventSubscriptionName(ENGINEERING_FIX_RELEASED)
                .processInstanceBusinessKey(key)
                .processVariableValueEquals(ProcessVariables.ENGINEERING_BUG_ID.name(), bugId)
                .count();
        if (ticket.status() != TicketStatus.WAITING_ON_ENGINEERING || waiting == 0) {
            throw new Conflict(key + " is not waiting on engineering for bug " + bugId);
        }
        // Logged first, for every ticket the fix releases: the release is what moves them on.
        var keys = runtime
                .createExecutionQuery()
                .messageEventSubscriptionName(ENGINEERING_FIX_RELEASED)
                .processVariableValueEquals(ProcessVariables.ENGINEERING_BUG_ID.name(), bugId)
                .list()
                .stream()
                .map(execution -> runtime.createProcessInstanceQuery()
                        .processInstanceId(execution.getProcessInstanceId())
                        .singleResult()
                        .getBusinessKey())
                .distinct()
                .sorted()
                .toList();
        keys.forEach(releasedKey -> tickets.findByKey(releasedKey)
                .ifPresent(releasedTicket -> events.record(
                        releasedTicket.id(),
                        TicketEvents.Type.ENGINEERING_FIX_RELEASED,
                        user.id(),
                        "bug " + bugId + (releaseNote == null ? "" : ": " + releaseNote))));
        runtime.createMessageCorrelation(ENGINEERING_FIX_RELEASED)
                .processInstanceVariableEquals(ProcessVariables.ENGINEERING_BUG_ID.name(), bugId)
                .setVariables(Map.of(ProcessVariables.RELEASE_NOTE.name(), releaseNote == null ? "" : releaseNote))
                .correlateAllWithResult();
        return keys;
    }
}
