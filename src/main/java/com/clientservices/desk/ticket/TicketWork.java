package com.clientservices.desk.ticket;

import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.engine.EngineCommands;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * What customers and engineering do to a running ticket: answer questions, add information,
 * reopen a closed ticket, release a fix (docs/specification.md §5).
 */
@Service
public class TicketWork {

    static final String CUSTOMER_REPLIED = "CustomerReplied";
    static final String CUSTOMER_ADDED_INFORMATION = "CustomerAddedInformation";
    static final String CUSTOMER_REOPENED = "CustomerReopened";
    static final String ENGINEERING_FIX_RELEASED = "EngineeringFixReleased";
    static final int MESSAGE_MAX = 20_000;
    private static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);

    private final TicketRepository tickets;
    private final Members members;
    private final Conversation conversation;
    private final RuntimeService runtime;
    private final TicketEvents events;
    private final RetryOnConcurrentChange retry;
    private final DeskClock clock;

    TicketWork(
            TicketRepository tickets,
            Members members,
            Conversation conversation,
            RuntimeService runtime,
            TicketEvents events,
            RetryOnConcurrentChange retry,
            DeskClock clock) {
        this.clock = clock;
        this.events = events;
        this.retry = retry;
        this.tickets = tickets;
        this.members = members;
        this.conversation = conversation;
        this.runtime = runtime;
    }

    public Ticket reply(String key, String message, DeskUser contact) {
        return retry.run(key, () -> replyOnce(key, message, contact, false));
    }

    /**
     * As {@link #reply}, for a reply by e-mail (docs/specification.md §12). The same text again within minutes is
     * already on the ticket, which is no refusal here: the mail may bring files the first did not ("Sent by
     * e-mail: image001.png" twice, with two screenshots). Returns whether the text was added.
     */
    public boolean replyByEmail(String key, String message, DeskUser contact) {
        return retry.run(key, () -> replyOnce(key, message, contact, true)) != null;
    }

    // The ticket as the reply left it; null when a repeat that is already on the ticket was passed over.
    private Ticket replyOnce(String key, String message, DeskUser contact, boolean passOverRepeat) {
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
        var repeat = repeatOf(ticket, message, contact);
        if (repeat.isPresent()) {
            if (passOverRepeat) {
                return null;
            }
            throw new Conflict(ticket.key() + " already has this message from you, received "
                    + Duration.between(repeat.get().at().toInstant(), clock.now())
                            .toMinutes()
                    + " min ago; it was not added again");
        }
        return switch (ticket.status()) {
            case REDIRECTED ->
                throw new Conflict(key + " was redirected to your account representative, who answers it"
                        + " directly; please write to them or open a new ticket");
            case WAITING_ON_CUSTOMER -> answer(ticket, message, contact);
            case CLOSED -> reopen(ticket, message, contact);
            default -> addInformation(ticket, message, contact);
        };
    }

    /**
     * Whether the customer can write to the ticket now (docs/specification.md §5): while it is
     * open, and after it closed while its lifecycle still waits for a reply in the reopen window.
     */
    public boolean acceptsReplies(Ticket ticket) {
        return switch (ticket.status()) {
            case REDIRECTED -> false;
            case CLOSED -> waitsFor(ticket.key(), CUSTOMER_REOPENED);
            default -> true;
        };
    }

    // The questions are answered: diagnosis resumes and the next-response target starts.
    private Ticket answer(Ticket ticket, String message, DeskUser contact) {
        // Logged first: the answer is what moves the ticket on.
        events.record(ticket.id(), TicketEvents.Type.CUSTOMER_REPLIED, contact.id(), null);
        conversation.add(ticket.id(), Conversation.Kind.ANSWER, contact.id(), message);
        correlate(ticket, CUSTOMER_REPLIED, message, " is not waiting on the customer");
        return tickets.find(ticket.id()).orElseThrow();
    }

    // Added to the conversation; the status stays, and the lifecycle tells whoever works the ticket.
    private Ticket addInformation(Ticket ticket, String message, DeskUser contact) {
        conversation.add(ticket.id(), Conversation.Kind.ADDED_INFORMATION, contact.id(), message);
        correlate(ticket, CUSTOMER_ADDED_INFORMATION, message, " takes no information now");
        return tickets.find(ticket.id()).orElseThrow();
    }

    // Within the reopen window the lifecycle takes the reply and reopens; after it nothing waits.
    private Ticket reopen(Ticket ticket, String message, DeskUser contact) {
        if (!waitsFor(ticket.key(), CUSTOMER_REOPENED)) {
            throw new Conflict(ticket.key() + " is closed and can no longer be reopened; please open a new ticket"
                    + " and mention " + ticket.key() + " in it");
        }
        conversation.add(ticket.id(), Conversation.Kind.ADDED_INFORMATION, contact.id(), message);
        correlate(ticket, CUSTOMER_REOPENED, message, " can no longer be reopened; please open a new ticket");
        return tickets.find(ticket.id()).orElseThrow();
    }

    /**
     * The same text from the same contact again within minutes, with nothing said to the customer
     * in between, is a double click or a resent mail, not a new message: it is refused, so the team
     * reads it once and no notice repeats. After new questions, an update or a resolution the same
     * words are a new answer ("See attached" twice) and are taken.
     */
    private Optional<TicketEvents.Event> repeatOf(Ticket ticket, String message, DeskUser contact) {
        var since = clock.now().minus(REPEAT_WINDOW);
        return events.of(ticket.id()).stream()
                .filter(event -> TicketDetails.CONVERSATION.contains(event.type()))
                .reduce((first, second) -> second)
                .filter(last ->
                        last.type() == TicketEvents.Type.ANSWER || last.type() == TicketEvents.Type.ADDED_INFORMATION)
                .filter(last -> contact.id().equals(last.actor())
                        && message.equals(last.detail())
                        && last.at().toInstant().isAfter(since));
    }

    private void correlate(Ticket ticket, String messageName, String message, String refusal) {
        var text = ProcessText.forVariable(message, ticket.key());
        var correlated = EngineCommands.toWaitingProcessesOnly(runtime.createMessageCorrelation(messageName))
                .processInstanceBusinessKey(ticket.key())
                .setVariables(Map.of(ProcessVariables.CUSTOMER_ANSWER.name(), text))
                .correlateAllWithResult();
        if (correlated.isEmpty()) {
            throw new Conflict(ticket.key() + refusal);
        }
    }

    private boolean waitsFor(String key, String messageName) {
        return runtime.createExecutionQuery()
                        .processInstanceBusinessKey(key)
                        .messageEventSubscriptionName(messageName)
                        .count()
                > 0;
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
        EngineCommands.toWaitingProcessesOnly(runtime.createMessageCorrelation(ENGINEERING_FIX_RELEASED))
                .processInstanceVariableEquals(ProcessVariables.ENGINEERING_BUG_ID.name(), bugId)
                .setVariables(Map.of(ProcessVariables.RELEASE_NOTE.name(), releaseNote == null ? "" : releaseNote))
                .correlateAllWithResult();
        return keys;
    }
}
