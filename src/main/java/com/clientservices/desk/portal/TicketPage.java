package com.clientservices.desk.portal;

import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.identity.PersonNames;
import com.clientservices.desk.identity.UserNames;
import com.clientservices.desk.routing.RequestType;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import com.clientservices.desk.sla.SlaTarget;
import com.clientservices.desk.sla.SlaTargetKind;
import com.clientservices.desk.sla.SlaTargets;
import com.clientservices.desk.ticket.Attachments;
import com.clientservices.desk.ticket.Conversation;
import com.clientservices.desk.ticket.Ticket;
import com.clientservices.desk.ticket.TicketDetails;
import com.clientservices.desk.ticket.TicketStatus;
import com.clientservices.desk.ticket.TicketWork;
import com.clientservices.desk.words.DeskTime;
import com.clientservices.desk.words.FileSize;
import com.clientservices.desk.words.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * A ticket as its customer reads it in the portal: the status, when they will hear back and what to
 * do next first, then the whole request, the files and the conversation, all in words
 * (docs/specification.md §13); the reply box says what a reply does (§5).
 */
@Component
class TicketPage {

    private static final Map<String, String> FILE_TYPES = Map.of(
            "image/png", "PNG image",
            "image/jpeg", "JPEG image",
            "image/gif", "GIF image",
            "image/webp", "WebP image",
            "application/pdf", "PDF document",
            "text/plain", "Text file");

    private static final Map<SlaTargetKind, String> WHEN = Map.of(
            SlaTargetKind.ACKNOWLEDGEMENT, "We will acknowledge your request by",
            SlaTargetKind.NEXT_RESPONSE, "We will respond by",
            SlaTargetKind.STATUS_UPDATE, "Your next status update is due by");

    /** The missing detail that is a file, not text (TicketDetails.missing). */
    private static final String SCREENSHOT = "screenshot";

    private final TicketDetails details;
    private final TicketWork work;
    private final SlaTargets targets;
    private final Members members;
    private final RequestTypeCatalogue requestTypes;
    private final IdentityService identity;
    private final DeskTime time;
    private final DeskClock clock;

    TicketPage(
            TicketDetails details,
            TicketWork work,
            SlaTargets targets,
            Members members,
            RequestTypeCatalogue requestTypes,
            IdentityService identity,
            DeskTime time,
            DeskClock clock) {
        this.details = details;
        this.work = work;
        this.targets = targets;
        this.members = members;
        this.requestTypes = requestTypes;
        this.identity = identity;
        this.time = time;
        this.clock = clock;
    }

    View of(Ticket ticket) {
        var names = new Names(identity);
        var files = details.attachments(ticket);
        var replies = work.acceptsReplies(ticket);
        var missing = replies ? details.missing(ticket, files) : List.<String>of();
        var representative = representative(ticket, names);
        var conversation = conversation(ticket, names, ticket.status() == TicketStatus.WAITING_ON_CUSTOMER);
        return new View(
                ticket.key(),
                ticket.subject(),
                Labels.status(ticket.status()),
                ticket.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                ticket.emergency(),
                due(ticket, representative),
                next(ticket, replies),
                request(ticket, names),
                missing.stream().map(Labels::detail).toList(),
                missing.contains(SCREENSHOT),
                files.stream().map(file -> file(ticket, file, names)).toList(),
                conversation,
                conversation.stream()
                        .filter(Message::awaiting)
                        .map(Message::text)
                        .toList(),
                replies ? reply(ticket.status()) : null,
                replies ? "" : noReply(ticket, representative),
                ticket.status() != TicketStatus.CLOSED);
    }

    /**
     * What the customer hears next for each of these tickets, by key, for the list of their tickets:
     * the same words as the ticket's page, or that the ticket is done. Their running targets are read
     * in one query for the whole list.
     */
    Map<String, Line> next(List<Ticket> tickets) {
        var soonest = soonestRunning(tickets.stream().map(Ticket::id).toList());
        var names = new Names(identity);
        var next = new HashMap<String, Line>();
        for (var ticket : tickets) {
            // The representative's name is looked up only for the tickets they answer.
            var representative = ticket.status() == TicketStatus.REDIRECTED ? representative(ticket, names) : null;
            var due = due(ticket, representative, Optional.ofNullable(soonest.get(ticket.id())));
            next.put(
                    ticket.key(),
                    due != null
                            ? due
                            : new Line(
                                    "Done",
                                    ticket.status() == TicketStatus.RESOLVED ? "Resolved; it closes now." : "Closed."));
        }
        return next;
    }

    /** Each ticket's running target that is not yet breached and is due soonest, by ticket id. */
    private Map<Long, SlaTarget> soonestRunning(List<Long> ticketIds) {
        var soonest = new HashMap<Long, SlaTarget>();
        targets.runningOf(ticketIds).stream() // soonest due first
                .filter(t -> t.outcome() == SlaTarget.Outcome.OPEN)
                .forEach(t -> soonest.putIfAbsent(t.ticketId(), t));
        return soonest;
    }

    /** The running target due soonest; where none runs, what the customer can expect instead. */
    private Line due(Ticket ticket, String representative) {
        return due(
                ticket,
                representative,
                Optional.ofNullable(soonestRunning(List.of(ticket.id())).get(ticket.id())));
    }

    /** As above, with the ticket's running target due soonest already known. */
    private Line due(Ticket ticket, String representative, Optional<SlaTarget> running) {
        var now = clock.now();
        var status = ticket.status();
        if (status == TicketStatus.REDIRECTED) {
            return new Line("Who answers", "Your account representative, " + representative + ".");
        }
        if (status == TicketStatus.CLOSED || status == TicketStatus.RESOLVED) {
            return null;
        }
        if (status == TicketStatus.WAITING_ON_CUSTOMER) {
            return new Line(
                    "When you will hear from us",
                    "After you answer: the team's response time starts again when your answer arrives.");
        }
        if (running.isPresent()) {
            return new Line(
                    WHEN.get(running.get().kind()), time.due(running.get().dueAt(), now));
        }
        if (status == TicketStatus.NEW && ticket.acknowledgeBy() != null) {
            return new Line(WHEN.get(SlaTargetKind.ACKNOWLEDGEMENT), time.due(ticket.acknowledgeBy(), now));
        }
        if (status == TicketStatus.WAITING_ON_ENGINEERING) {
            return new Line(
                    "When you will hear from us",
                    "When engineering releases the fix, and with an update at least every 5 working days until then.");
        }
        return new Line("When you will hear from us", "As soon as the team has news for you.");
    }

    private static String next(Ticket ticket, boolean replies) {
        return switch (ticket.status()) {
            case NEW -> "Nothing is needed from you now. If you have more details, add them below.";
            case ACKNOWLEDGED, IN_PROGRESS ->
                "The team is working on it. Nothing is needed from you now; add information below if anything"
                        + " changes.";
            case WAITING_ON_CUSTOMER -> "Answer the team's questions below. The team continues as soon as you answer.";
            case WAITING_ON_ENGINEERING ->
                "Nothing is needed from you now: engineering is preparing a fix. Add information below if anything"
                        + " changes.";
            case RESOLVED -> "Nothing: read the resolution below. The ticket closes once it is sent.";
            case CLOSED ->
                replies
                        ? "Nothing, if the problem is solved. If it is not, write below to reopen this ticket."
                        : "Nothing on this ticket: it is closed. If the problem is back, open a new ticket and"
                                + " mention " + ticket.key() + " in it.";
            case REDIRECTED -> "Write to your account representative about this request; they answer you directly.";
        };
    }

    /** Every detail the customer gave, in words; an optional detail left empty is not shown. */
    private List<Line> request(Ticket ticket, Names names) {
        var lines = new ArrayList<Line>();
        lines.add(new Line(
                "Request type",
                requestTypes.find(ticket.requestType()).map(RequestType::label).orElse(ticket.requestType())));
        lines.add(new Line("Urgency", urgency(ticket, names)));
        if (ticket.emergency()) {
            lines.add(new Line(
                    "Why it is an emergency",
                    "",
                    list(ticket.emergencyCriteria()).stream()
                            .map(Labels::criterion)
                            .toList()));
            add(lines, "Phone for the emergency", ticket.emergencyPhone());
        }
        if (ticket.status() != TicketStatus.REDIRECTED) {
            lines.add(new Line("Handled by", teamName(ticket.team())));
        }
        lines.add(new Line("Submitted", names.of(ticket.submittedBy()) + ", " + time.at(ticket.submittedAt())));
        add(lines, "Description", ticket.description());
        add(lines, "Impact", ticket.impact());
        add(lines, "Steps to reproduce", ticket.stepsToReproduce());
        if (!list(ticket.objectIds()).isEmpty()) {
            lines.add(new Line("Object ids", "", ticket.objectIds()));
        }
        if (ticket.environment() != null && !ticket.environment().isEmpty()) {
            lines.add(new Line(
                    "Environment",
                    "",
                    ticket.environment().entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .toList()));
        }
        add(lines, "Browser", ticket.browser());
        add(lines, "Operating system", ticket.operatingSystem());
        add(lines, "Business justification", ticket.businessJustification());
        return lines;
    }

    private String urgency(Ticket ticket, Names names) {
        if (ticket.emergency()) {
            return "Emergency";
        }
        if (ticket.downgradedAt() != null) {
            return "Standard: " + names.of(ticket.downgradedBy()) + " changed it from an emergency on "
                    + time.at(ticket.downgradedAt())
                    + (blank(ticket.downgradeReason()) ? "" : ", because: " + ticket.downgradeReason());
        }
        return "Standard";
    }

    private File file(Ticket ticket, Attachments.Attachment file, Names names) {
        return new File(
                file.fileName(),
                "/portal/tickets/" + ticket.key() + "/attachments/" + file.id(),
                FILE_TYPES.getOrDefault(file.contentType(), "File") + ", " + FileSize.of(file.sizeBytes())
                        + ", added by " + names.of(file.uploadedBy()) + " on " + time.at(file.uploadedAt()));
    }

    /** Oldest first; while the ticket waits on the customer, the questions since they last wrote are awaiting an answer. */
    private List<Message> conversation(Ticket ticket, Names names, boolean waiting) {
        var team = teamName(ticket.team());
        var messages = details.conversation(ticket);
        var lastFromCustomer = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (fromCustomer(messages.get(i).kind())) {
                lastFromCustomer = i;
            }
        }
        var shown = new ArrayList<Message>();
        for (int i = 0; i < messages.size(); i++) {
            var message = messages.get(i);
            var customer = fromCustomer(message.kind());
            shown.add(new Message(
                    Labels.message(message.kind()),
                    customer ? names.of(message.from()) : names.ofTeam(message.from(), team),
                    time.at(message.at()),
                    message.text(),
                    customer,
                    waiting && i > lastFromCustomer && message.kind() == Conversation.Kind.QUESTIONS));
        }
        return shown;
    }

    private static boolean fromCustomer(Conversation.Kind kind) {
        return kind == Conversation.Kind.ANSWER || kind == Conversation.Kind.ADDED_INFORMATION;
    }

    private static Reply reply(TicketStatus status) {
        return switch (status) {
            case WAITING_ON_CUSTOMER ->
                new Reply(
                        "Answer the team's questions",
                        "Your answer",
                        "The team continues with your ticket as soon as your answer arrives.",
                        "Send answer");
            case CLOSED ->
                new Reply(
                        "Reopen this ticket",
                        "What is still wrong?",
                        "Sending this reopens the ticket; the team that closed it picks it up again.",
                        "Reopen this ticket");
            default ->
                new Reply(
                        "Add information",
                        "Information to add",
                        "The status stays as it is; the team working on your ticket is told.",
                        "Add to the ticket");
        };
    }

    private static String noReply(Ticket ticket, String representative) {
        return ticket.status() == TicketStatus.REDIRECTED
                ? "You cannot reply here: this request went to your account representative, " + representative
                        + ", who answers it directly."
                : "You cannot reply here: this ticket is closed and can no longer be reopened.";
    }

    private String representative(Ticket ticket, Names names) {
        return members.find(ticket.memberId())
                .map(Members.Member::accountRepresentative)
                .filter(id -> !blank(id))
                .map(names::withAddress)
                .orElse("your account representative");
    }

    private static void add(List<Line> lines, String label, String text) {
        if (!blank(text)) {
            lines.add(new Line(label, text));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static List<String> list(List<String> items) {
        return items == null ? List.of() : items;
    }

    private static String teamName(String team) {
        return DeskGroups.teamName(team).orElse("Client Services");
    }

    /** What the template shows; every text is already in words. */
    record View(
            String key,
            String subject,
            String status,
            String statusClass,
            boolean emergency,
            Line due,
            String next,
            List<Line> request,
            List<String> missing,
            boolean screenshotMissing,
            List<File> files,
            List<Message> conversation,
            List<String> openQuestions,
            Reply reply,
            String noReply,
            boolean takesFiles) {

        public boolean waitingOnCustomer() {
            return !openQuestions.isEmpty();
        }
    }

    /** A labelled detail: its text, or its items when it is a list. */
    record Line(String label, String text, List<String> items) {

        Line(String label, String text) {
            this(label, text, List.of());
        }
    }

    record File(String name, String href, String description) {}

    record Message(String kind, String author, String at, String text, boolean fromCustomer, boolean awaiting) {}

    record Reply(String heading, String label, String hint, String button) {}

    /** People by full name, each looked up once per page; the team's own messages by the team's name. */
    private static final class Names {

        private final IdentityService identity;
        private final PersonNames people;

        Names(IdentityService identity) {
            this.identity = identity;
            this.people = new PersonNames(identity);
        }

        String of(String userId) {
            return blank(userId) ? "Client Services" : people.of(userId);
        }

        /** The full name and, where the desk knows it, the e-mail address to write to. */
        String withAddress(String userId) {
            var user = identity.createUserQuery().userId(userId).singleResult();
            if (user == null) {
                return userId;
            }
            return UserNames.fullName(user) + (blank(user.getEmail()) ? "" : " (" + user.getEmail() + ")");
        }

        /** A message the lifecycle sent without a person behind it is the team's. */
        String ofTeam(String userId, String team) {
            return blank(userId) ? team : people.ifKnown(userId).orElse(team);
        }
    }
}
