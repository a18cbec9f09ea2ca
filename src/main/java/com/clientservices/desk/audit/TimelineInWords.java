package com.clientservices.desk.audit;

import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.identity.PersonNames;
import com.clientservices.desk.routing.RequestType;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import com.clientservices.desk.sla.SlaTargetKind;
import com.clientservices.desk.ticket.Conversation;
import com.clientservices.desk.ticket.TicketStatus;
import com.clientservices.desk.words.DeskTime;
import com.clientservices.desk.words.FileSize;
import com.clientservices.desk.words.Labels;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * A ticket's timeline as people read it (docs/specification.md §13, §14): what happened in words, who by full name,
 * times in the desk's zone, and how long each step took. The API keeps the codes ({@link TicketTimeline}); only the
 * details the desk itself wrote are put in words, never what a customer or agent typed.
 */
@Component
class TimelineInWords {

    private static final Pattern ISO_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?([+-]\\d{2}:\\d{2}|Z)");
    // How TicketTimeline writes a task: "Task_Key: name", then ", due <time>" when opened or " (why)" when ended.
    private static final Pattern TASK =
            Pattern.compile("^(Task_\\w+): (.*?)(, due \\S+| \\([^()]*\\))?$", Pattern.DOTALL);
    // A task's name as the models write it: "CS-12 · Diagnose issue · subject"; the step is the middle part.
    private static final Pattern TASK_NAME = Pattern.compile("^CS-\\d+ · (.+?) · .*$", Pattern.DOTALL);
    private static final Pattern TASK_TO = Pattern.compile("^(Task_\\w+) to (.+)$");
    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z_-]*[A-Za-z]");
    private static final Pattern SIZE = Pattern.compile("(\\d+) bytes\\)$");
    private static final Pattern QUEUED = Pattern.compile("^([a-z-]+) to (.+?): (.*)$", Pattern.DOTALL);
    private static final Pattern SENT = Pattern.compile(
            "^([a-z-]+) to (.+?)( <[^>]*>)?( by \\w+)?(?:; refused by the mail server: ([^;]+))?"
                    + "(?:; put off by the mail server: (.+))?$",
            Pattern.DOTALL);

    /** Entries whose details the desk writes from its own codes; every other detail is someone's words, shown as is. */
    private static final Set<String> DESK_WORDS = Set.of(
            "SUBMITTED",
            "ROUTED",
            "STATUS_CHANGED",
            "REROUTED",
            "SLA_TARGET_STARTED",
            "SLA_WARNING",
            "SLA_BREACHED",
            "SLA_TARGET_MET",
            "SLA_TARGET_MET_LATE");

    private static final Map<String, String> WHAT = Map.ofEntries(
            Map.entry("SUBMITTED", "Submitted"),
            Map.entry("ROUTED", "Routed"),
            Map.entry("STATUS_CHANGED", "Status changed"),
            Map.entry("REROUTED", "Rerouted to another team"),
            Map.entry("DOWNGRADED", "Downgraded to standard"),
            Map.entry("CUSTOMER_REPLIED", "Customer replied"),
            Map.entry("REOPENED", "Reopened by the customer"),
            Map.entry("ENGINEERING_FIX_RELEASED", "Fix released by engineering"),
            Map.entry("ATTACHMENT_ADDED", "File added"),
            Map.entry("SLA_TARGET_STARTED", "Response-time target started"),
            Map.entry("SLA_WARNING", "Target nearly due (warning)"),
            Map.entry("SLA_BREACHED", "Target breached"),
            Map.entry("SLA_TARGET_MET", "Target met"),
            Map.entry("SLA_TARGET_MET_LATE", "Target met late"),
            Map.entry("MESSAGE_QUEUED", "Message queued"),
            Map.entry("MESSAGE_SENT", "Message sent"),
            Map.entry("TASK_CREATED", "Task opened"),
            Map.entry("TASK_ASSIGNED", "Task claimed"),
            Map.entry("TASK_COMPLETED", "Task done"),
            Map.entry("TASK_ENDED", "Task closed by the process"));

    private final RequestTypeCatalogue requestTypes;
    private final IdentityService identity;
    private final DeskTime time;

    TimelineInWords(RequestTypeCatalogue requestTypes, IdentityService identity, DeskTime time) {
        this.requestTypes = requestTypes;
        this.identity = identity;
        this.time = time;
    }

    /** One line of the timeline: when, what, who, the details, and a class naming the kind of step. */
    record Line(String when, String what, String who, String details, String kind) {}

    List<Line> of(List<TimelineEntry> entries) {
        var people = new PersonNames(identity);
        var words = codesInWords();
        var taskNames = new HashMap<String, String>();
        var opened = new HashMap<String, OffsetDateTime>();
        var lines = new ArrayList<Line>();
        for (var entry : entries) {
            var type = entry.type();
            var details = entry.description() == null ? "" : entry.description();
            switch (type) {
                case "TASK_CREATED", "TASK_COMPLETED", "TASK_ENDED" -> {
                    var task = TASK.matcher(details);
                    if (task.matches()) {
                        var name = step(task.group(2));
                        taskNames.put(task.group(1), name);
                        details = name + (task.group(3) == null ? "" : inWords(task.group(3), words));
                        // By the engine's task, not the step: two breaches of one ticket open two tasks of one step.
                        var opening = entry.task() == null ? task.group(1) : entry.task();
                        if (type.equals("TASK_CREATED")) {
                            opened.put(opening, entry.at());
                        } else if (opened.containsKey(opening) && entry.at() != null) {
                            details += ", after " + took(Duration.between(opened.remove(opening), entry.at()));
                        }
                    }
                }
                case "TASK_ASSIGNED" -> {
                    var task = TASK_TO.matcher(details);
                    if (task.matches()) {
                        details = taskNames.getOrDefault(task.group(1), "Task") + " to " + people.of(task.group(2));
                    }
                }
                case "ATTACHMENT_ADDED" -> details = size(details);
                case "MESSAGE_QUEUED" -> {
                    // The subject is the message's own words; only the kind and the recipients are codes.
                    var message = QUEUED.matcher(details);
                    if (message.matches()) {
                        details = kind(message.group(1)) + " to " + recipients(message.group(2), words, people) + ": "
                                + message.group(3);
                    }
                }
                case "MESSAGE_SENT" -> {
                    var message = SENT.matcher(details);
                    if (message.matches()) {
                        details = kind(message.group(1)) + " to " + recipients(message.group(2), words, people)
                                + (message.group(3) == null ? "" : message.group(3))
                                + channel(message.group(4))
                                + (message.group(5) == null
                                        ? ""
                                        : "; the mail server refused " + message.group(5) + ", who did not get it")
                                + (message.group(6) == null
                                        ? ""
                                        : "; the mail server put off " + message.group(6)
                                                + ": sent to them again in a message of their own");
                    }
                }
                default -> {
                    if (DESK_WORDS.contains(type)) {
                        details = inWords(details, words);
                    }
                }
            }
            lines.add(new Line(
                    time.exact(entry.at()),
                    what(type),
                    entry.actor() == null ? "the desk" : people.of(entry.actor()),
                    details,
                    type.toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        return lines;
    }

    private static String what(String type) {
        var what = WHAT.get(type);
        if (what != null) {
            return what;
        }
        try {
            return Labels.message(Conversation.Kind.valueOf(type));
        } catch (IllegalArgumentException e) {
            return sentence(type);
        }
    }

    /** Every code the desk writes into its own details, with its words. */
    private Map<String, String> codesInWords() {
        var words = new LinkedHashMap<String, String>();
        for (var status : TicketStatus.values()) {
            words.put(status.name(), Labels.status(status));
        }
        for (var kind : SlaTargetKind.values()) {
            words.put(kind.name(), Labels.target(kind));
        }
        for (var team : DeskGroups.TEAMS) {
            words.put(team.id(), team.name());
        }
        for (RequestType type : requestTypes.all()) {
            words.put(type.code(), type.label());
        }
        words.put(RequestType.ACCOUNT_REPRESENTATIVE, "the account representative");
        words.put(DeskGroups.MANAGERS, "the managers");
        words.put(DeskGroups.ENGINEERING, "Engineering");
        words.put(DeskGroups.ACCOUNT_REPRESENTATIVES, "the account representatives");
        return words;
    }

    private String inWords(String details, Map<String, String> words) {
        var times = ISO_TIME.matcher(details);
        var out = new StringBuilder();
        while (times.find()) {
            times.appendReplacement(out, Matcher.quoteReplacement(exact(times.group())));
        }
        times.appendTail(out);
        var codes = CODE.matcher(out.toString());
        var worded = new StringBuilder();
        while (codes.find()) {
            var code = codes.group();
            codes.appendReplacement(worded, Matcher.quoteReplacement(words.getOrDefault(code, code)));
        }
        codes.appendTail(worded);
        return worded.toString();
    }

    private String exact(String iso) {
        try {
            return time.exact(OffsetDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    // A message kind (docs/specification.md §7) in words: sla-warning → SLA warning.
    private static String kind(String code) {
        var words = code.replace('-', ' ').replace("sla ", "SLA ");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    // Recipients: people by name, groups and teams by theirs, roles in words (assignee-or-team → assignee or team).
    private static String recipients(String codes, Map<String, String> words, PersonNames people) {
        var named = new ArrayList<String>();
        for (var code : codes.split(",\\s*")) {
            var bare = code.strip();
            if (bare.startsWith("group:")) {
                bare = bare.substring("group:".length());
                named.add(words.getOrDefault(bare, bare));
            } else {
                var recipient = bare;
                named.add(people.ifKnown(recipient)
                        .orElseGet(() -> words.getOrDefault(recipient, recipient.replace('-', ' '))));
            }
        }
        return String.join(", ", named);
    }

    // The notification channels (notification.SmtpChannel, LocalOutbox) as people know them.
    private static String channel(String by) {
        if (by == null) {
            return "";
        }
        return switch (by.strip()) {
            case "by SMTP" -> " by e-mail";
            case "by OUTBOX" -> ", kept in the desk's outbox (no mail server configured)";
            default -> " " + by.strip();
        };
    }

    private static String step(String taskName) {
        var name = TASK_NAME.matcher(taskName.strip());
        return name.matches() ? name.group(1) : taskName.strip();
    }

    private static String sentence(String code) {
        var words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String size(String details) {
        var size = SIZE.matcher(details);
        if (!size.find()) {
            return details;
        }
        return details.substring(0, size.start()) + FileSize.of(Long.parseLong(size.group(1))) + ")";
    }

    // How long a step took, to the second below a minute: an auditor compares it with its target.
    private static String took(Duration duration) {
        return duration.toMinutes() < 1 ? duration.toSeconds() + " s" : DeskTime.span(duration);
    }
}
