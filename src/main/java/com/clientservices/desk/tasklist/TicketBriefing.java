package com.clientservices.desk.tasklist;

import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.engine.TaskFormAdditions;
import com.clientservices.desk.history.TicketEvents;
import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.identity.PersonNames;
import com.clientservices.desk.routing.RequestType;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import com.clientservices.desk.sla.SlaTarget;
import com.clientservices.desk.sla.SlaTargets;
import com.clientservices.desk.ticket.Attachments;
import com.clientservices.desk.ticket.Ticket;
import com.clientservices.desk.ticket.TicketDetails;
import com.clientservices.desk.words.DeskTime;
import com.clientservices.desk.words.FileSize;
import com.clientservices.desk.words.Labels;
import com.clientservices.desk.words.Markdown;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * The whole ticket beside every task's form, as Markdown for the forms' text views: the emergency
 * and how to reach the customer first, then the task's deadline, the request in words, what is
 * missing, the files, the conversation, and what this kind of task needs to know (a released fix,
 * a missed target). Customers' text is escaped ({@link Markdown#text}); links are the desk's own.
 *
 * <p>The variables, by name, as the forms in {@code forms/} use them: {@code ticketAlert} (empty
 * for a standard ticket), {@code ticketDue}, {@code ticketDetails}, {@code ticketConversation} and
 * {@code ticketTaskContext} (empty where the task needs nothing more).
 */
@Component
class TicketBriefing implements TaskFormAdditions {

    private static final String BREACH_TASK = "Task_HandleSlaBreach";
    private static final String CONFIRM_TASK = "Task_ConfirmResolution";

    private final TicketDetails details;
    private final SlaTargets targets;
    private final Members members;
    private final RequestTypeCatalogue requestTypes;
    private final IdentityService identity;
    private final DeskTime time;
    private final DeskClock clock;

    TicketBriefing(
            TicketDetails details,
            SlaTargets targets,
            Members members,
            RequestTypeCatalogue requestTypes,
            IdentityService identity,
            DeskTime time,
            DeskClock clock) {
        this.clock = clock;
        this.details = details;
        this.targets = targets;
        this.members = members;
        this.requestTypes = requestTypes;
        this.identity = identity;
        this.time = time;
    }

    @Override
    public Map<String, String> forTask(OpenTask task) {
        var found = task.businessKey() == null
                ? null
                : details.byKey(task.businessKey()).orElse(null);
        if (found == null) {
            return Map.of();
        }
        var now = clock.now();
        var names = new Names(identity);
        var ticketTargets = targets.ofTicket(found.id());
        var variables = new LinkedHashMap<String, String>();
        variables.put("ticketAlert", alert(found));
        variables.put("ticketDue", due(task, ticketTargets, now));
        variables.put("ticketDetails", details(found, names));
        variables.put("ticketConversation", conversation(found, names));
        variables.put("ticketTaskContext", context(task, found, ticketTargets, names, now));
        return variables;
    }

    private String alert(Ticket ticket) {
        if (!ticket.emergency()) {
            return "";
        }
        var lines = new ArrayList<String>();
        var phone = ticket.emergencyPhone();
        lines.add("### EMERGENCY: call the customer now"
                + (phone == null || phone.isBlank() ? "" : " on " + Markdown.link(phone, "tel:" + dialable(phone))));
        for (var criterion : ticket.emergencyCriteria() == null ? List.<String>of() : ticket.emergencyCriteria()) {
            lines.add("- **" + Markdown.text(Labels.criterion(criterion)) + "**");
        }
        return String.join("\n", lines);
    }

    private String due(OpenTask task, List<SlaTarget> ticketTargets, Instant now) {
        var running = ticketTargets.stream()
                .filter(t -> t.outcome() == SlaTarget.Outcome.OPEN)
                .sorted(Comparator.comparing(SlaTarget::dueAt))
                .toList();
        if (!running.isEmpty() && !BREACH_TASK.equals(task.taskDefinitionKey())) {
            return running.stream()
                    .map(t -> "**" + Labels.target(t.kind()) + " due:** " + time.due(t.dueAt(), now))
                    .collect(Collectors.joining("  \n"));
        }
        if (task.due() != null) {
            return "**Due:** " + time.due(task.due().toInstant(), now);
        }
        return "";
    }

    private String details(Ticket ticket, Names names) {
        var lines = new ArrayList<String>();
        var member = members.find(ticket.memberId()).map(Members.Member::name).orElse("member");
        lines.add("**Customer:** " + Markdown.text(member) + " (member " + ticket.memberId() + "), submitted by "
                + Markdown.text(names.of(ticket.submittedBy())) + " on " + time.at(ticket.submittedAt()));
        lines.add("**Request type:** "
                + Markdown.text(requestTypes
                        .find(ticket.requestType())
                        .map(RequestType::label)
                        .orElse(ticket.requestType()))
                + (ticket.emergency() ? " · **Emergency**" : " · Standard"));
        lines.add("**Team:** " + Markdown.text(teamName(ticket.team())) + " · **Status:** "
                + Labels.status(ticket.status()));
        if (ticket.downgradedBy() != null) {
            lines.add("**Downgraded from emergency** by " + Markdown.text(names.of(ticket.downgradedBy())) + " on "
                    + time.at(ticket.downgradedAt()) + ": " + Markdown.text(ticket.downgradeReason()));
        }
        var out = new StringBuilder(String.join("  \n", lines));
        section(out, "Subject", Markdown.text(ticket.subject()));
        section(out, "Description", Markdown.text(ticket.description()));
        section(out, "Impact", Markdown.text(ticket.impact()));
        if (ticket.businessJustification() != null
                && !ticket.businessJustification().isBlank()) {
            section(out, "Business justification", Markdown.text(ticket.businessJustification()));
        }
        section(out, "Steps to reproduce", orNone(Markdown.text(ticket.stepsToReproduce())));
        section(
                out,
                "Object ids",
                ticket.objectIds() == null || ticket.objectIds().isEmpty()
                        ? "_none given_"
                        : Markdown.bullets(ticket.objectIds()));
        section(
                out,
                "Environment",
                ticket.environment() == null || ticket.environment().isEmpty()
                        ? "_none given_"
                        : Markdown.bullets(ticket.environment().entrySet().stream()
                                .map(e -> e.getKey() + ": " + e.getValue())
                                .toList()));
        section(
                out,
                "Browser and operating system",
                "**Browser:** " + orNone(Markdown.text(ticket.browser())) + "  \n**Operating system:** "
                        + orNone(Markdown.text(ticket.operatingSystem())));
        var files = details.attachments(ticket);
        var missing = details.missing(ticket, files);
        section(
                out,
                "Still missing",
                missing.isEmpty()
                        ? "Nothing: the customer gave every detail the guide asks for."
                        : Markdown.bullets(missing.stream().map(Labels::detail).toList()));
        section(out, "Attachments", attachments(ticket, files, names));
        return out.toString();
    }

    private String attachments(Ticket ticket, List<Attachments.Attachment> files, Names names) {
        if (files.isEmpty()) {
            return "_none_";
        }
        return files.stream()
                .map(file -> "- "
                        + Markdown.link(
                                file.fileName(), "/tasklist/tickets/" + ticket.key() + "/attachments/" + file.id())
                        + " (" + FileSize.of(file.sizeBytes()) + ", added by "
                        + Markdown.text(names.of(file.uploadedBy())) + " on " + time.at(file.uploadedAt()) + ")")
                .collect(Collectors.joining("\n"));
    }

    private String conversation(Ticket ticket, Names names) {
        var messages = details.conversation(ticket);
        if (messages.isEmpty()) {
            return "_Nothing yet: no questions, answers or updates._";
        }
        return messages.stream()
                .map(message -> "**" + Labels.message(message.kind()) + "**, " + Markdown.text(names.of(message.from()))
                        + ", " + time.at(message.at()) + "  \n" + Markdown.text(message.text()))
                .collect(Collectors.joining("\n\n"));
    }

    private String context(OpenTask task, Ticket ticket, List<SlaTarget> ticketTargets, Names names, Instant now) {
        if (CONFIRM_TASK.equals(task.taskDefinitionKey())) {
            return details.log(ticket).stream()
                    .filter(e -> e.type() == TicketEvents.Type.ENGINEERING_FIX_RELEASED)
                    .reduce((first, second) -> second)
                    .map(e ->
                            "**Engineering released the fix** on " + time.at(e.at()) + ": " + Markdown.text(e.detail()))
                    .orElse("");
        }
        if (BREACH_TASK.equals(task.taskDefinitionKey())) {
            var breached = ticketTargets.stream()
                    .filter(t -> t.breachedAt() != null)
                    .max(Comparator.comparing(SlaTarget::breachedAt));
            if (breached.isEmpty()) {
                return "";
            }
            var target = breached.get();
            var late = target.metAt() != null
                    ? "met " + DeskTime.span(Duration.between(target.dueAt(), target.metAt())) + " late, on "
                            + time.at(target.metAt())
                    : "still not met, "
                            + DeskTime.span(Duration.between(target.dueAt().toInstant(), now)) + " after it was due";
            return "**Missed:** " + Labels.target(target.kind()) + " target, due " + time.at(target.dueAt()) + "; "
                    + late
                    + "  \n**Held by:** " + Markdown.text(teamName(ticket.team()))
                    + "  \n" + Markdown.link("Open the ticket's timeline", "/audit/tickets/" + ticket.key());
        }
        return "";
    }

    private static void section(StringBuilder out, String title, String body) {
        out.append("\n\n#### ").append(title).append("\n").append(body);
    }

    private static String orNone(String text) {
        return text.isBlank() ? "_not given_" : text;
    }

    private static String teamName(String team) {
        return DeskGroups.teamName(team).orElse(team == null ? "no team" : team);
    }

    /** The digits a phone dials: {@code +1 (555) 123-4567} as {@code +15551234567}. */
    static String dialable(String phone) {
        var digits = phone.replaceAll("[^0-9]", "");
        return (phone.strip().startsWith("+") ? "+" : "") + digits;
    }

    /** People by name and id, each looked up once per form; what the desk did on its own is the desk's. */
    private static final class Names {

        private final PersonNames people;

        Names(IdentityService identity) {
            this.people = new PersonNames(identity);
        }

        String of(String userId) {
            if (userId == null || userId.isBlank()) {
                return "the desk";
            }
            return people.ifKnown(userId)
                    .filter(name -> !name.equals(userId))
                    .map(name -> name + " (" + userId + ")")
                    .orElse(userId);
        }
    }
}
