package com.clientservices.desk.notification;

import com.clientservices.desk.DeskProperties;
import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.engine.ProcessVariable;
import com.clientservices.desk.engine.ProcessVariables;
import com.clientservices.desk.history.TicketEvents;
import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.identity.UserNames;
import com.clientservices.desk.routing.RequestType;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import com.clientservices.desk.ticket.Ticket;
import com.clientservices.desk.ticket.TicketDetails;
import com.clientservices.desk.ticket.TicketStatus;
import com.clientservices.desk.words.DeskTime;
import com.clientservices.desk.words.Labels;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Puts a ticket and a send task's values into words for the message templates (docs/specification.md §13): request
 * types by their label, teams by name, statuses, criteria and missing details by {@link Labels}, people by full
 * name, every time in the desk's zone with the time left before a deadline. The ticket comes from its record,
 * never from process variables a form could change; only what people wrote for the step and the send task's own
 * inputs are read from the process.
 */
@Component
class MessageModels {

    /** What agents and customers wrote that a message may quote. */
    static final List<ProcessVariable<String>> WORDS = List.of(
            ProcessVariables.ACKNOWLEDGEMENT_NOTE,
            ProcessVariables.CUSTOMER_QUESTIONS,
            ProcessVariables.CUSTOMER_ANSWER,
            ProcessVariables.STATUS_UPDATE,
            ProcessVariables.RESOLUTION_SUMMARY,
            ProcessVariables.ENGINEERING_BUG_ID,
            ProcessVariables.RELEASE_NOTE,
            ProcessVariables.DOWNGRADE_REASON);

    /** Times that are deadlines: shown with the time left. */
    private static final Set<String> DEADLINES =
            Set.of("slaDue", "acknowledgeBy", "nextResponseBy", "statusUpdateBy", "breachedTargetDue");

    private static final String WAITING_ON_ENGINEERING = "→ " + TicketStatus.WAITING_ON_ENGINEERING.name();

    private final RequestTypeCatalogue requestTypes;
    private final TicketDetails details;
    private final TicketEvents events;
    private final IdentityService identity;
    private final DeskTime time;
    private final DeskClock clock;
    private final String portalUrl;

    MessageModels(
            RequestTypeCatalogue requestTypes,
            TicketDetails details,
            TicketEvents events,
            IdentityService identity,
            DeskTime time,
            DeskClock clock,
            DeskProperties properties) {
        this.requestTypes = requestTypes;
        this.details = details;
        this.events = events;
        this.identity = identity;
        this.time = time;
        this.clock = clock;
        var url = properties.notifications().portalUrl().strip();
        this.portalUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * The model of one message.
     *
     * @param toCustomer whether it goes to the ticket's customer alone
     * @param values     what people wrote and the send task's inputs, by name, as the engine holds them
     */
    MessageModel of(
            Ticket ticket, Members.Member member, String recipient, boolean toCustomer, Map<String, Object> values) {
        var now = clock.now();
        return new MessageModel(
                inWords(ticket, member, now), recipient, toCustomer, links(ticket.key()), words(values, now));
    }

    /** The model of a message about no ticket (an e-mail that became none): {@code ticket} is absent. */
    MessageModel withoutTicket(String recipient, Map<String, Object> values) {
        return new MessageModel(
                null,
                recipient,
                true,
                new MessageModel.Links(
                        null, portalUrl + "/portal", portalUrl + "/camunda/app/tasklist/", null, null, null),
                words(values, clock.now()));
    }

    /** What people wrote and the send task's inputs, each in words. */
    private Map<String, Object> words(Map<String, Object> values, Instant now) {
        var words = new LinkedHashMap<String, Object>();
        values.forEach((name, value) -> words.put(name, readable(name, value, now)));
        return words;
    }

    private MessageModel.TicketInWords inWords(Ticket ticket, Members.Member member, Instant now) {
        var type = requestTypes.find(ticket.requestType());
        // Read once for the contact's name and address.
        var contact = user(ticket.submittedBy());
        return new MessageModel.TicketInWords(
                ticket.key(),
                "[" + ticket.key() + "]",
                ticket.subject(),
                given(ticket.description()),
                given(ticket.impact()),
                given(ticket.businessJustification()),
                type.map(RequestType::label).orElse("a request type no longer offered"),
                ticket.emergency(),
                given(ticket.emergencyPhone()),
                list(ticket.emergencyCriteria()).stream().map(Labels::criterion).toList(),
                given(ticket.stepsToReproduce()),
                list(ticket.objectIds()),
                ticket.environment() == null
                        ? List.of()
                        : ticket.environment().entrySet().stream()
                                .map(e -> e.getKey() + ": " + e.getValue())
                                .toList(),
                given(ticket.browser()),
                given(ticket.operatingSystem()),
                member.name(),
                ticket.memberId(),
                member.name() + " (member " + ticket.memberId() + ")",
                nameOf(ticket.submittedBy(), contact),
                contact == null
                                || contact.getEmail() == null
                                || contact.getEmail().isBlank()
                        ? null
                        : contact.getEmail(),
                time.at(ticket.submittedAt()),
                teamName(ticket.team()),
                ticket.status() == null ? null : Labels.status(ticket.status()),
                ticket.acknowledgeBy() == null ? null : time.due(ticket.acknowledgeBy(), now),
                details.missing(ticket).stream().map(Labels::detail).toList(),
                name(member.accountRepresentative()),
                ticket.downgradedBy() == null ? null : name(ticket.downgradedBy()),
                ticket.downgradedAt() == null ? null : time.at(ticket.downgradedAt()),
                given(ticket.downgradeReason()),
                waitingOnEngineeringSince(ticket),
                portalUrl + "/portal/tickets/" + ticket.key());
    }

    private MessageModel.Links links(String key) {
        return new MessageModel.Links(
                portalUrl + "/portal/tickets/" + key,
                portalUrl + "/portal",
                portalUrl + "/camunda/app/tasklist/",
                portalUrl + "/audit/tickets/" + key,
                portalUrl + "/camunda/app/tasklist/default/#/?searchQuery=" + tasklistSearch(key),
                portalUrl + "/api/tickets/" + key);
    }

    /**
     * Tasklist's search for the ticket's tasks, as Tasklist itself writes it into its address
     * (searches by the process's business key, the ticket's key), URL-encoded.
     */
    private static String tasklistSearch(String key) {
        var search = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + key
                + "\",\"name\":\"\"}]";
        return URLEncoder.encode(search, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String waitingOnEngineeringSince(Ticket ticket) {
        if (ticket.status() != TicketStatus.WAITING_ON_ENGINEERING) {
            return null;
        }
        return events.of(ticket.id()).stream()
                .filter(e -> e.type() == TicketEvents.Type.STATUS_CHANGED
                        && e.detail() != null
                        && e.detail().endsWith(WAITING_ON_ENGINEERING))
                .reduce((first, second) -> second)
                .map(e -> time.at(e.at()))
                .orElse(null);
    }

    /** A person by full name, else the user id; {@code null} for nobody. */
    String name(String userId) {
        return nameOf(userId, user(userId));
    }

    private static String nameOf(String userId, User user) {
        if (userId == null || userId.isBlank()) {
            return null;
        }
        return user == null ? userId : UserNames.fullName(user);
    }

    private User user(String userId) {
        return userId == null || userId.isBlank()
                ? null
                : identity.createUserQuery().userId(userId).singleResult();
    }

    /** A team by the name its queue shows, else its Camunda group's name. */
    String teamName(String team) {
        if (team == null || team.isBlank() || RequestType.ACCOUNT_REPRESENTATIVE.equals(team)) {
            return null;
        }
        return DeskGroups.teamName(team).orElseGet(() -> {
            var group = identity.createGroupQuery().groupId(team).singleResult();
            return group == null || group.getName() == null ? team : group.getName();
        });
    }

    /** A value in words: times in the desk's zone (deadlines with the time left), empty text as absent. */
    private Object readable(String name, Object value, Instant now) {
        Instant at = null;
        if (value instanceof Date date) {
            at = date.toInstant();
        } else if (value instanceof OffsetDateTime offset) {
            at = offset.toInstant();
        } else if (value instanceof String text && looksLikeTime(text)) {
            try {
                at = OffsetDateTime.parse(text.strip()).toInstant();
            } catch (DateTimeParseException notATime) {
                return text;
            }
        }
        if (at != null) {
            // A deadline reached this very minute (a breach is sent at its due time) is not "due now":
            // the message says it was due then.
            var reachedJustNow = !at.isAfter(now) && at.isAfter(now.minus(Duration.ofMinutes(1)));
            return DEADLINES.contains(name) && !reachedJustNow ? time.due(at, now) : time.at(at);
        }
        if (value instanceof String text) {
            return given(text);
        }
        return value;
    }

    private static boolean looksLikeTime(String text) {
        return text.strip().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");
    }

    private static String given(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
