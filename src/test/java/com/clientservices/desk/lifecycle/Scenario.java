package com.clientservices.desk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.identity.DeskUser;
import com.clientservices.desk.notification.Notifications;
import com.clientservices.desk.sla.SlaTarget;
import com.clientservices.desk.sla.SlaTargetKind;
import com.clientservices.desk.sla.SlaTargets;
import com.clientservices.desk.ticket.NewTicket;
import com.clientservices.desk.ticket.Ticket;
import com.clientservices.desk.ticket.TicketIntake;
import com.clientservices.desk.ticket.TicketRepository;
import com.clientservices.desk.ticket.TicketStatus;
import com.clientservices.desk.ticket.TicketWork;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Drives tickets through the lifecycle models with the engine's clock under the test's control. */
@Component
public class Scenario {

    public static final DeskUser SPOC_ACME = new DeskUser("spoc-acme", Set.of("customers"));

    private final TicketIntake intake;
    private final TicketRepository tickets;
    private final SlaTargets targets;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final Notifications notifications;
    private final TicketWork work;

    Scenario(
            TicketIntake intake,
            TicketRepository tickets,
            SlaTargets targets,
            RuntimeService runtime,
            TaskService tasks,
            ManagementService management,
            IdentityService identity,
            Notifications notifications,
            TicketWork work) {
        this.identity = identity;
        this.notifications = notifications;
        this.work = work;
        this.intake = intake;
        this.tickets = tickets;
        this.targets = targets;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    /** An instant written out with its offset, as the engine's dates hold it. */
    public static Date instant(String isoWithOffset) {
        return Date.from(OffsetDateTime.parse(isoWithOffset).toInstant());
    }

    /** The latest target of that kind of the ticket. */
    public SlaTarget target(String key, SlaTargetKind kind) {
        return targets(key).stream()
                .filter(t -> t.kind() == kind)
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    /** Moves the engine's clock; every time in a scenario is written out with its New York offset. */
    public void at(String isoWithOffset) {
        ClockUtil.setCurrentTime(instant(isoWithOffset));
    }

    public String submit(String requestType, boolean emergency) {
        var request = new NewTicket(
                1001L,
                requestType,
                "Placements blank <b>now</b>",
                "Blank ads on 5512",
                "Revenue loss",
                emergency,
                emergency ? "+1 212 555 0100" : null,
                emergency ? List.of("SIGNIFICANT_FINANCIAL_LOSS") : null,
                List.of("5512"),
                Map.of("placementId", "5512"),
                "Open the page",
                null,
                null,
                null);
        return intake.submit(request, SPOC_ACME).key();
    }

    public Ticket ticket(String key) {
        return tickets.findByKey(key).orElseThrow();
    }

    public TicketStatus status(String key) {
        return ticket(key).status();
    }

    public List<SlaTarget> targets(String key) {
        return targets.ofTicket(ticket(key).id());
    }

    /** The lifecycle's own process instance (standard-issue or emergency-issue) of a ticket. */
    public ProcessInstance lifecycle(String key, String processKey) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(key)
                .processDefinitionKey(processKey)
                .singleResult();
    }

    public Task task(String key, String taskDefinitionKey) {
        var found = tasks.createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskDefinitionKey(taskDefinitionKey)
                .list();
        assertThat(found).as("open %s of %s", taskDefinitionKey, key).hasSize(1);
        return found.get(0);
    }

    public List<Task> openTasks(String key, String taskDefinitionKey) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskDefinitionKey(taskDefinitionKey)
                .list();
    }

    public void complete(String key, String taskDefinitionKey, Map<String, Object> variables) {
        tasks.complete(task(key, taskDefinitionKey).getId(), variables);
    }

    /** The agent acknowledges the ticket with nothing to add. */
    public void acknowledge(String key) {
        complete(key, "Task_AcknowledgeTicket", Map.of());
    }

    /** The agent acknowledges the ticket and asks the customer that question: the ticket waits on the customer. */
    public void askCustomer(String key, String question) {
        acknowledge(key);
        complete(
                key,
                "Task_DiagnoseIssue",
                Map.of("diagnosisOutcome", "NEED_CUSTOMER_INFO", "customerQuestions", question));
    }

    /** The customer's answer reaches the ticket's lifecycle, as their reply does. */
    public void customerAnswers(String key, String answer) {
        runtime.createMessageCorrelation("CustomerReplied")
                .processInstanceBusinessKey(key)
                .setVariable("customerAnswer", answer)
                .correlate();
    }

    /**
     * The agent acknowledges the ticket and asks the customer that question, and at that time the
     * customer answers: the ticket is back with the team, its next response due.
     */
    public void askAndAnswer(String key, String question, String answeredAt, String answer) {
        askCustomer(key, question);
        at(answeredAt);
        customerAnswers(key, answer);
    }

    /** Runs work as a signed-in agent of a team, so the engine records who did it. */
    public void asAgent(String user, String team, Runnable work) {
        identity.setAuthentication(user, List.of(team));
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The messages of that kind the desk queued for the ticket, oldest first. */
    public List<Notifications.Sent> sent(String key, String kind) {
        return notifications.ofTicket(ticket(key).id()).stream()
                .filter(message -> message.kind().equals(kind))
                .toList();
    }

    /** The customer writes to the ticket as the portal and the API do (docs/specification.md §5). */
    public Ticket customerWrites(String key, String message) {
        return work.reply(key, message, SPOC_ACME);
    }

    /** Timer jobs of the ticket that are due by the engine's current time. */
    public List<Job> dueTimers(String key) {
        return management
                .createJobQuery()
                .processInstanceId(lifecycleId(key))
                .timers()
                .executable()
                .list();
    }

    /**
     * Runs out the reopen window of a closed ticket now, as its timer would when the window ends
     * (docs/specification.md §5): after it, a reply is refused.
     */
    public String reopenWindowOver(String key) {
        management
                .createJobQuery()
                .processInstanceId(lifecycleId(key))
                .activityId("Event_ReopenWindowOver")
                .list()
                .forEach(job -> management.executeJob(job.getId()));
        return key;
    }

    public List<Job> timers(String key) {
        return management
                .createJobQuery()
                .processInstanceId(lifecycleId(key))
                .timers()
                .list();
    }

    /**
     * Fires every timer due by now, as the job executor would, and then the jobs that hand each
     * breach the timers recorded to the managers (their message and task, in sla-breach).
     */
    public void fireDueTimers(String key) {
        dueTimers(key).forEach(job -> management.executeJob(job.getId()));
        breachHandovers().forEach(job -> management.executeJob(job.getId()));
    }

    /** The jobs, due now, that start the managers' sla-breach process for a recorded breach. */
    public List<Job> breachHandovers() {
        return management
                .createJobQuery()
                .processDefinitionKey("sla-breach")
                .messages()
                .executable()
                .list();
    }

    private String lifecycleId(String key) {
        var instances = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(key)
                .processDefinitionKeyIn("standard-issue", "emergency-issue")
                .list();
        return instances.stream().findFirst().orElseThrow().getId();
    }
}
