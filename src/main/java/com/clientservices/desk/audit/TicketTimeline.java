package com.clientservices.desk.audit;

import com.clientservices.desk.history.TicketEvents;
import com.clientservices.desk.sla.BusinessCalendar;
import com.clientservices.desk.ticket.Ticket;
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
 * claimed and completed them) and the desk's own append-only audit log (submission, status changes,
 * reroutes, downgrades, SLA targets, messages, the conversation); nothing a user can edit.
 */
@Component
public class TicketTimeline {

    // Tickets from before messages left by a job of their own kept one delivery process per message
    // under the ticket's key; their steps are not the ticket's.
    private static final String DELIVERY_PROCESS = "deliver-notification";

    private final HistoryService history;
    private final TicketEvents events;
    private final BusinessCalendar calendar;

    TicketTimeline(HistoryService history, TicketEvents events, BusinessCalendar calendar) {
        this.history = history;
        this.events = events;
        this.calendar = calendar;
    }

    public List<TimelineEntry> of(Ticket ticket) {
        var entries = new ArrayList<TimelineEntry>();
        for (var event : events.of(ticket.id())) {
            entries.add(entry(event.at(), event.type().name(), event.actor(), event.detail()));
        }
        addTasks(entries, ticket.key());
        // Within one instant (one transaction) a person's task action comes first and the tasks it
        // creates last; the desk's own log keeps the order it was written in.
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(entry -> switch (entry.type()) {
            case "TASK_ASSIGNED" -> 0;
            case "TASK_COMPLETED", "TASK_ENDED" -> 1;
            case "TASK_CREATED" -> 3;
            default -> 2;
        }));
        return entries;
    }

    private void addTasks(List<TimelineEntry> entries, String key) {
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(key)
                .list()) {
            if (DELIVERY_PROCESS.equals(instance.getProcessDefinitionKey())) {
                continue;
            }
            var completedBy = new HashMap<String, String>();
            for (UserOperationLogEntry log : history.createUserOperationLogQuery()
                    .processInstanceId(instance.getId())
                    .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                    .list()) {
                completedBy.put(log.getTaskId(), log.getUserId());
            }
            for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                    .processInstanceId(instance.getId())
                    .list()) {
                entries.add(entry(
                        task,
                        task.getStartTime(),
                        "TASK_CREATED",
                        null,
                        task.getTaskDefinitionKey() + ": " + task.getName()
                                + (task.getDueDate() == null ? "" : ", due " + local(task.getDueDate()))));
                if (task.getEndTime() != null) {
                    var completed = "completed".equals(task.getDeleteReason());
                    entries.add(entry(
                            task,
                            task.getEndTime(),
                            completed ? "TASK_COMPLETED" : "TASK_ENDED",
                            completedBy.getOrDefault(task.getId(), task.getAssignee()),
                            task.getTaskDefinitionKey() + ": " + task.getName()
                                    + (completed ? "" : " (" + task.getDeleteReason() + ")")));
                }
                for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery()
                        .taskId(task.getId())
                        .type("assignee")
                        .operationType("add")
                        .list()) {
                    entries.add(entry(
                            task,
                            link.getTime(),
                            "TASK_ASSIGNED",
                            link.getAssignerId() != null ? link.getAssignerId() : link.getUserId(),
                            task.getTaskDefinitionKey() + " to " + link.getUserId()));
                }
            }
        }
    }

    private TimelineEntry entry(OffsetDateTime at, String type, String actor, String description) {
        return new TimelineEntry(local(at), type, actor, description);
    }

    /** An entry about one of the engine's tasks, which it names, so its start and end can be paired. */
    private TimelineEntry entry(HistoricTaskInstance task, Date at, String type, String actor, String description) {
        return new TimelineEntry(local(at), type, actor, description, task.getId());
    }

    private OffsetDateTime local(OffsetDateTime at) {
        return calendar.local(at);
    }

    private OffsetDateTime local(Date at) {
        return at == null ? null : calendar.local(at.toInstant());
    }
}
