package com.clientservices.desk.audit;

import com.clientservices.desk.notification.Notifications;
import com.clientservices.desk.sla.BusinessCalendar;
import com.clientservices.desk.sla.SlaTarget;
import com.clientservices.desk.sla.SlaTargets;
import com.clientservices.desk.ticket.Conversation;
import com.clientservices.desk.ticket.Ticket;
import com.clientservices.desk.ticket.TicketEvents;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * The complete, ordered audit timeline of a ticket, built from the engine's history (tasks, who
 * claimed and completed them) and the desk's own append-only records (submission, status changes,
 * reroutes, downgrades, SLA targets, messages, the conversation); nothing a user can edit.
 */
@Component
public class TicketTimeline {

    // Message deliveries run as their own processes under the ticket's key; their steps are not the ticket's.
    private static final String DELIVERY_PROCESS = "deliver-notification";

    private final HistoryService history;
    private final TicketEvents events;
    private final SlaTargets targets;
    private final Notifications notifications;
    private final Conversation conversation;
    private final BusinessCalendar calendar;

    TicketTimeline(HistoryService history, TicketEvents events, SlaTargets targets, Notifications notifications,
            Conversation conversation, BusinessCalendar calendar) {
        this.history = history;
        this.events = events;
        this.targets = targets;
        this.notifications = notifications;
        this.conversation = conversation;
        this.calendar = calendar;
    }

    public List<TimelineEntry> of(Ticket ticket) {
        var entries = new ArrayList<TimelineEntry>();
        for (var event : events.of(ticket.id())) {
            entries.add(entry(event.at(), event.type().name(), event.actor(), event.detail()));
        }
        for (var target : targets.ofTicket(ticket.id())) {
            addTarget(entries, target);
        }
        for (var message : notifications.ofTicket(ticket.id())) {
            entries.add(entry(message.queuedAt(), "MESSAGE_QUEUED", null,
                    message.kind() + " to " + message.recipient() + ": " + message.subject()));
            if (message.sentAt() != null) {
                entries.add(entry(message.sentAt(), "MESSAGE_SENT", null, message.kind() + " to " + message.recipient()
                        + (message.address() == null || message.address().isBlank() ? "" : " <" + message.address() + ">")
                        + " by " + message.channel()));
            }
        }
        for (var said : conversation.of(ticket.id())) {
            entries.add(entry(said.at(), said.kind().name(), said.author(), said.body()));
        }
        addTasks(entries, ticket.key());
        // Stable: entries at the same instant keep the order in which they were gathered.
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    private void addTarget(List<TimelineEntry> entries, SlaTarget target) {
        var kind = target.kind().name();
        entries.add(entry(target.startedAt(), "SLA_TARGET_STARTED", null, kind + " due by " + local(target.dueAt())
                + (target.emergency() ? " (emergency)" : "") + (target.team() == null ? "" : ", team " + target.team())));
        if (target.warnedAt() != null) {
            entries.add(entry(target.warnedAt(), "SLA_WARNING", null, kind + " due by " + local(target.dueAt())));
        }
        if (target.breachedAt() != null) {
            entries.add(entry(target.breachedAt(), "SLA_BREACHED", null, kind + " was due by " + local(target.dueAt())));
        }
        if (target.metAt() != null) {
            entries.add(entry(target.metAt(), target.outcome() == SlaTarget.Outcome.MET ? "SLA_TARGET_MET" : "SLA_TARGET_MET_LATE",
                    null, kind + " due by " + local(target.dueAt())));
        }
    }

    private void addTasks(List<TimelineEntry> entries, String key) {
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list()) {
            if (DELIVERY_PROCESS.equals(instance.getProcessDefinitionKey())) {
                continue;
            }
            var completedBy = new HashMap<String, String>();
            for (UserOperationLogEntry log : history.createUserOperationLogQuery().processInstanceId(instance.getId())
                    .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()) {
                completedBy.put(log.getTaskId(), log.getUserId());
            }
            for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list()) {
                entries.add(entry(task.getStartTime(), "TASK_CREATED", null, task.getTaskDefinitionKey() + ": " + task.getName()
                        + (task.getDueDate() == null ? "" : ", due " + local(task.getDueDate()))));
                if (task.getEndTime() != null) {
                    var completed = "completed".equals(task.getDeleteReason());
                    entries.add(entry(task.getEndTime(), completed ? "TASK_COMPLETED" : "TASK_ENDED",
                            completedBy.getOrDefault(task.getId(), task.getAssignee()),
                            task.getTaskDefinitionKey() + ": " + task.getName()
                                    + (completed ? "" : " (" + task.getDeleteReason() + ")")));
                }
                for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery()
                        .taskId(task.getId()).type("assignee").operationType("add").list()) {
                    entries.add(entry(link.getTime(), "TASK_ASSIGNED",
                            link.getAssignerId() != null ? link.getAssignerId() : link.getUserId(),
                            task.getTaskDefinitionKey() + " to " + link.getUserId()));
                }
            }
        }
    }

    private TimelineEntry entry(OffsetDateTime at, String type, String actor, String description) {
        return new TimelineEntry(local(at), type, actor, description);
    }

    private TimelineEntry entry(Date at, String type, String actor, String description) {
        return new TimelineEntry(local(at), type, actor, description);
    }

    private OffsetDateTime local(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(calendar.zone()).toOffsetDateTime();
    }

    private OffsetDateTime local(Date at) {
        return at == null ? null : at.toInstant().atZone(calendar.zone()).toOffsetDateTime();
    }
}
