package com.clientservices.desk.sla;

import com.clientservices.desk.engine.DeferredJobs;
import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.engine.EngineCommands;
import com.clientservices.desk.engine.ProcessVariable;
import com.clientservices.desk.history.TicketEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The response-time clocks the models start, warn, breach and stop (docs/specification.md §6). The models own
 * when each happens (timer boundary events on the due and warning times); this class owns the
 * arithmetic, through the {@link BusinessCalendar}, and the record of each target.
 */
@Component("slaClock")
public class SlaClock {

    static final String NEXT_RESPONSE_GIVEN = "NextResponseGiven";
    static final String STATUS_UPDATES_STOPPED = "StatusUpdatesStopped";
    static final String BREACH_PROCESS = "sla-breach";

    private final BusinessCalendar calendar;
    private final SlaTargets targets;
    private final SlaTickets tickets;
    private final RuntimeService runtime;
    private final TicketEvents events;
    private final SlaMetrics metrics;
    private final DeskClock clock;
    private final DeferredJobs jobs;
    private final HandBreachToManagers handBreachToManagers;

    SlaClock(
            BusinessCalendar calendar,
            SlaTargets targets,
            SlaTickets tickets,
            RuntimeService runtime,
            TicketEvents events,
            SlaMetrics metrics,
            DeskClock clock,
            DeferredJobs jobs,
            HandBreachToManagers handBreachToManagers) {
        this.jobs = jobs;
        this.handBreachToManagers = handBreachToManagers;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.calendar = calendar;
        this.targets = targets;
        this.runtime = runtime;
        this.tickets = tickets;
    }

    /**
     * Starts a target: the acknowledgement from the submission time, a next response from now
     * (the customer's answer). Sets the due time, the warning time (the due time itself when no
     * separate warning applies) and whether a warning applies, for the model's timers.
     */
    public void start(DelegateExecution execution, String kindName) {
        var kind = SlaTargetKind.valueOf(kindName);
        // Kind, team and submission time are the ticket's own record, never a process variable (docs/specification.md
        // §8).
        var ticket = tickets.of(execution);
        var emergency = ticket.emergency();
        var from = kind == SlaTargetKind.ACKNOWLEDGEMENT ? ticket.submittedAt().toInstant() : now();
        var due = calendar.acknowledgeBy(from, emergency);
        var warning = calendar.warningTime(from, due, emergency);
        var ticketId = ticket.id();
        targets.open(
                ticketId, kind, emergency, ticket.team(), utc(from), utc(due), warning == null ? null : utc(warning));
        log(
                ticketId,
                TicketEvents.Type.SLA_TARGET_STARTED,
                kind,
                due.toInstant(),
                (emergency ? " (emergency)" : "") + ", team " + ticket.team());
        if (kind == SlaTargetKind.ACKNOWLEDGEMENT) {
            tickets.updateAcknowledgeBy(ticketId, utc(due));
        }
        setTime(execution, kind.dueVariable, due.toInstant());
        setTime(execution, kind.warningVariable, (warning == null ? due : warning).toInstant());
        kind.warnsVariable.set(execution, warning != null);
    }

    /**
     * Starts the emergency status-update target: the next update is due {@code every} from now, an
     * ISO-8601 duration the model gives (docs/specification.md §5 frequent contact).
     */
    public void startStatusUpdate(DelegateExecution execution, String every) {
        var now = now();
        var due = now.plus(Duration.parse(every));
        var ticket = tickets.of(execution);
        targets.open(ticket.id(), SlaTargetKind.STATUS_UPDATE, true, ticket.team(), utc(now), utc(due), null);
        log(ticket.id(), TicketEvents.Type.SLA_TARGET_STARTED, SlaTargetKind.STATUS_UPDATE, due, " (emergency)");
        setTime(execution, SlaTargetKind.STATUS_UPDATE.dueVariable, due);
    }

    /** A status update is being delivered: it meets the running status-update target. */
    public void deliverStatusUpdate(DelegateExecution execution) {
        stop(execution, SlaTargetKind.STATUS_UPDATE.name());
    }

    /**
     * The emergency is resolved: the resolution is the last update, so it meets a running status
     * target, and the model's status-update loop is released.
     */
    public void stopStatusUpdates(DelegateExecution execution) {
        stop(execution, SlaTargetKind.STATUS_UPDATE.name());
        EngineCommands.withoutAuthorization(
                () -> EngineCommands.toWaitingProcessesOnly(runtime.createMessageCorrelation(STATUS_UPDATES_STOPPED))
                        .processInstanceId(execution.getProcessInstanceId())
                        .correlateAllWithResult());
    }

    /** The warning time came with the target still running. */
    public void warn(DelegateExecution execution, String kindName) {
        targets.running(ticketId(execution), SlaTargetKind.valueOf(kindName)).ifPresent(target -> {
            targets.warned(target.id(), utc(now()));
            metrics.warned(target.kind(), target.team());
            log(
                    target.ticketId(),
                    TicketEvents.Type.SLA_WARNING,
                    target.kind(),
                    target.dueAt().toInstant(),
                    "");
        });
    }

    /**
     * The due time came with the target still running: the target is missed, and the managers get
     * it to handle in the {@code sla-breach} process, beside the ticket so the ticket is not held up.
     * That process starts in a job of its own ({@link HandBreachToManagers}), so that a timer's
     * transaction stays small when many fall due together.
     */
    public void breach(DelegateExecution execution, String kindName) {
        var kind = SlaTargetKind.valueOf(kindName);
        var ticket = tickets.of(execution);
        var target = targets.running(ticket.id(), kind)
                .orElseThrow(() -> new IllegalStateException(
                        "no running " + kindName + " target on " + execution.getBusinessKey()));
        recordBreach(target, now());
    }

    private void recordBreach(SlaTarget target, Instant at) {
        targets.breached(target.id(), utc(at));
        metrics.breached(target.kind(), target.team());
        events.record(
                target.ticketId(),
                TicketEvents.Type.SLA_BREACHED,
                null,
                target.kind().name() + " was due by " + local(target.dueAt().toInstant()));
        jobs.defer(handBreachToManagers, Long.toString(target.id()));
    }

    /**
     * The team responded: a running target is met, or missed when the response came after the
     * due time. A next-response clock waiting in the model is released. Nothing happens when no
     * target of that kind runs (a first diagnosis has no next-response target).
     */
    public void stop(DelegateExecution execution, String kindName) {
        var kind = SlaTargetKind.valueOf(kindName);
        var running = targets.running(ticketId(execution), kind);
        if (running.isEmpty()) {
            return;
        }
        var target = running.get();
        var now = now();
        var met = target.breachedAt() == null && !now.isAfter(target.dueAt().toInstant());
        if (!met && target.breachedAt() == null) {
            // The response came after the due time but before its breach timer ran (the job executor's lag):
            // the target was breached all the same, at its due time, and the managers handle it like any other.
            recordBreach(target, target.dueAt().toInstant());
        }
        targets.stopped(target.id(), utc(now), met ? SlaTarget.Outcome.MET : SlaTarget.Outcome.MISSED);
        log(
                target.ticketId(),
                met ? TicketEvents.Type.SLA_TARGET_MET : TicketEvents.Type.SLA_TARGET_MET_LATE,
                kind,
                target.dueAt().toInstant(),
                "");
        if (kind == SlaTargetKind.NEXT_RESPONSE) {
            kind.dueVariable.remove(execution);
            // The agent who responded may not correlate messages; releasing the clock is the desk's doing.
            EngineCommands.withoutAuthorization(
                    () -> EngineCommands.toWaitingProcessesOnly(runtime.createMessageCorrelation(NEXT_RESPONSE_GIVEN))
                            .processInstanceId(execution.getProcessInstanceId())
                            .correlateAllWithResult());
        }
    }

    /**
     * The due date of a task that has no target of its own (diagnosis, confirming a resolution):
     * the running next-response target's due time, or else the next-response rule from now, so
     * that every task takes its place in a queue sorted by due date (docs/specification.md §5).
     * Only an order for the queue: no warning, no breach. The models read it as
     * {@code camunda:dueDate="${slaClock.taskDue(execution)}"}.
     */
    public Date taskDue(DelegateExecution execution) {
        var ticket = tickets.of(execution);
        var running = targets.running(ticket.id(), SlaTargetKind.NEXT_RESPONSE);
        var due = running.isPresent()
                ? running.get().dueAt().toInstant()
                : calendar.acknowledgeBy(now(), ticket.emergency()).toInstant();
        return Date.from(due);
    }

    /**
     * When a periodic message is next due, {@code days} working days from now on the business
     * calendar: the models' timers read it, e.g. the engineering update of a standard ticket,
     * {@code ${slaClock.workingDaysFromNow(5)}} (docs/specification.md §5). No target, no breach.
     */
    public Date workingDaysFromNow(int days) {
        return Date.from(calendar.plusWorkingDays(now(), days));
    }

    /**
     * Hands a due or warning time to the models, in the calendar's zone: their timers, the tasks'
     * {@code camunda:dueDate} and the messages read it. The one way the desk writes a task's due time.
     */
    private void setTime(DelegateExecution execution, ProcessVariable<OffsetDateTime> variable, Instant at) {
        variable.set(execution, local(at));
    }

    private void log(long ticketId, TicketEvents.Type type, SlaTargetKind kind, Instant due, String more) {
        events.record(ticketId, type, null, kind.name() + " due by " + local(due) + more);
    }

    private OffsetDateTime local(Instant instant) {
        return calendar.local(instant);
    }

    private long ticketId(DelegateExecution execution) {
        return tickets.of(execution).id();
    }

    private Instant now() {
        return clock.now();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
