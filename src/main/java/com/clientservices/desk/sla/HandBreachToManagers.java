package com.clientservices.desk.sla;

import com.clientservices.desk.engine.DeferredWork;
import com.clientservices.desk.engine.ProcessVariables;
import java.util.HashMap;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts the managers' {@code sla-breach} process for a breached target, in a job of its own after the
 * breach timer's transaction (docs/specification.md §6): so that a timer records its breach at the due
 * minute even when a thousand fall due together, its transaction writes only the breach and this job.
 * The jobs run after due SLA timers (priority 0) and before message deliveries (-10,
 * notification.DeliverMessage). What the managers' message and task show comes from the ticket's own
 * record and the breached target's, which the job names by the target's id.
 */
@Component
class HandBreachToManagers implements DeferredWork {

    private final SlaTargets targets;
    private final SlaTickets tickets;
    private final BusinessCalendar calendar;
    private final RuntimeService runtime;

    HandBreachToManagers(SlaTargets targets, SlaTickets tickets, BusinessCalendar calendar, RuntimeService runtime) {
        this.targets = targets;
        this.tickets = tickets;
        this.calendar = calendar;
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return "hand-breach-to-managers";
    }

    @Override
    public long priority() {
        return -5;
    }

    @Override
    public String processDefinitionKey() {
        return SlaClock.BREACH_PROCESS;
    }

    @Override
    public void run(String targetId) {
        var target = targets.find(Long.parseLong(targetId))
                .orElseThrow(() -> new IllegalStateException("no SLA target " + targetId));
        var ticket = tickets.byId(target.ticketId());
        var breach = new HashMap<String, Object>();
        ProcessVariables.TICKET_ID.put(breach, ticket.id());
        ProcessVariables.TICKET_KEY.put(breach, ticket.key());
        ProcessVariables.SUBJECT.put(breach, ticket.subject());
        ProcessVariables.TEAM.put(breach, target.team());
        ProcessVariables.EMERGENCY.put(breach, target.emergency());
        ProcessVariables.BREACHED_TARGET.put(breach, target.kind().name());
        ProcessVariables.BREACHED_TARGET_LABEL.put(breach, target.kind().label);
        ProcessVariables.BREACHED_TARGET_DUE.put(
                breach, calendar.local(target.dueAt().toInstant()));
        runtime.startProcessInstanceByKey(SlaClock.BREACH_PROCESS, ticket.key(), breach);
    }
}
