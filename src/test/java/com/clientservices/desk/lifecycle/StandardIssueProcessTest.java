package com.clientservices.desk.lifecycle;

import static com.clientservices.desk.lifecycle.Scenario.instant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.ModelCoverage;
import com.clientservices.desk.history.TicketEvents;
import com.clientservices.desk.notification.Notifications;
import com.clientservices.desk.sla.SlaTarget.Outcome;
import com.clientservices.desk.sla.SlaTargetKind;
import com.clientservices.desk.ticket.Conversation;
import com.clientservices.desk.ticket.TicketDetails;
import com.clientservices.desk.ticket.TicketStatus;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/standard-issue.bpmn with the engine's clock moved: timers fire at their
 * due instant and not one second before, breaches reach the managers, the clock stops while the
 * ticket waits on the customer, and a reroute keeps the due time.
 */
@DeskTest
class StandardIssueProcessTest extends LifecycleTest {

    private static final String LIFECYCLE = "standard-issue";

    @Autowired
    ManagementService management;

    @Autowired
    TicketDetails details;

    @Autowired
    DeskHttpClient http;

    @Test
    void acknowledgementWarningAndBreachFireAtTheirInstantsAndNotOneSecondBefore() {
        scenario.at("2026-03-10T10:15:00-04:00"); // Tuesday, inside working hours
        var key = scenario.submit("AD_SERVING", false);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);

        assertThat(lifecycle).isWaitingAt("Task_AcknowledgeTicket");
        var acknowledge = scenario.task(key, "Task_AcknowledgeTicket");
        assertThat(acknowledge.getDueDate()).isEqualTo(instant("2026-03-11T10:15:00-04:00"));
        assertThat(acknowledge).hasCandidateGroup("client-services");
        assertThat(acknowledge.getName()).isEqualTo(key + " · Acknowledge ticket · Placements blank <b>now</b>");
        assertThat(scenario.ticket(key).acknowledgeBy()).isEqualTo(OffsetDateTime.parse("2026-03-11T10:15:00-04:00"));

        scenario.at("2026-03-11T09:14:59-04:00");
        assertThat(scenario.dueTimers(key)).isEmpty();
        scenario.at("2026-03-11T09:15:00-04:00");
        assertThat(scenario.dueTimers(key)).hasSize(1);
        scenario.fireDueTimers(key);
        assertThat(lifecycle).hasPassed("Task_WarnAcknowledgementDue", "Event_AcknowledgementWarned");
        assertThat(scenario.target(key, SlaTargetKind.ACKNOWLEDGEMENT).warnedAt())
                .isNotNull();
        assertThat(scenario.openTasks(key, "Task_HandleSlaBreach")).isEmpty();

        scenario.at("2026-03-11T10:14:59-04:00");
        assertThat(scenario.dueTimers(key)).isEmpty();
        scenario.at("2026-03-11T10:15:00-04:00");
        scenario.fireDueTimers(key);
        var breach = scenario.task(key, "Task_HandleSlaBreach");
        assertThat(breach).hasCandidateGroup("cs-managers");
        assertThat(breach.getDueDate()).isEqualTo(instant("2026-03-11T10:15:00-04:00"));
        assertThat(tasks.getVariable(breach.getId(), "breachedTarget")).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(scenario.target(key, SlaTargetKind.ACKNOWLEDGEMENT).outcome())
                .isEqualTo(Outcome.MISSED);
        assertThat(lifecycle).isWaitingAt("Task_AcknowledgeTicket").hasPassed("Event_AcknowledgementBreachEscalated");
        var escalation = scenario.lifecycle(key, "sla-breach");
        assertThat(escalation).hasPassed("Task_NotifyManagersOfBreach").isWaitingAt("Task_HandleSlaBreach");

        scenario.at("2026-03-11T11:00:00-04:00");
        scenario.acknowledge(key);
        assertThat(scenario.target(key, SlaTargetKind.ACKNOWLEDGEMENT).outcome())
                .as("a target met late still counts as missed")
                .isEqualTo(Outcome.MISSED);
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.ACKNOWLEDGED);

        assertThatThrownBy(() -> scenario.complete(key, "Task_HandleSlaBreach", Map.of()))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("escalationNote");
        scenario.complete(key, "Task_HandleSlaBreach", Map.of("escalationNote", "Team lead reminded the queue"));
        assertThat(escalation).hasPassed("Event_BreachHandled").isEnded();
    }

    @Test
    void ticketSubmittedOnSaturdayIsDueAtMondayOpeningWithNoSeparateWarning() {
        scenario.at("2026-03-14T11:00:00-04:00"); // Saturday
        var key = scenario.submit("AD_SERVING", false);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);
        assertThat(scenario.task(key, "Task_AcknowledgeTicket").getDueDate())
                .isEqualTo(instant("2026-03-16T09:00:00-04:00"));

        scenario.at("2026-03-16T08:59:59-04:00");
        assertThat(scenario.dueTimers(key)).isEmpty();
        scenario.at("2026-03-16T09:00:00-04:00");
        scenario.fireDueTimers(key);

        assertThat(lifecycle)
                .hasPassed("Event_NoAcknowledgementWarning", "Task_RecordAcknowledgementBreach")
                .hasNotPassed("Task_WarnAcknowledgementDue");
        assertThat(scenario.target(key, SlaTargetKind.ACKNOWLEDGEMENT).warnedAt())
                .isNull();
        assertThat(scenario.task(key, "Task_HandleSlaBreach")).hasCandidateGroup("cs-managers");
    }

    @Test
    void breachTimerOnlyRecordsTheBreachAndLeavesTheManagersWorkToAJobThatWaitsForDueTimers() {
        scenario.at("2026-03-14T11:00:00-04:00"); // Saturday: warning time and breach at Monday's opening
        var key = scenario.submit("AD_SERVING", false);
        scenario.at("2026-03-16T09:00:00-04:00");
        var timers = scenario.dueTimers(key);
        timers.forEach(timer -> management.executeJob(timer.getId()));

        assertThat(scenario.target(key, SlaTargetKind.ACKNOWLEDGEMENT).outcome())
                .isEqualTo(Outcome.MISSED);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(key)
                        .processDefinitionKey("sla-breach")
                        .count())
                .as("the managers' process starts in a job of its own")
                .isZero();
        var handovers = scenario.breachHandovers();
        assertThat(handovers).hasSize(1);
        var next = handovers.get(0);
        assertThat(timers)
                .allSatisfy(timer ->
                        assertThat(next.getPriority()).as("after due timers").isLessThan(timer.getPriority()));

        management.executeJob(next.getId());
        var escalation = scenario.lifecycle(key, "sla-breach");
        assertThat(escalation).hasPassed("Task_NotifyManagersOfBreach").isWaitingAt("Task_HandleSlaBreach");
        assertThat(scenario.openTasks(key, "Task_HandleSlaBreach"))
                .singleElement()
                .satisfies(task -> assertThat(task.getDueDate()).isEqualTo(instant("2026-03-16T09:00:00-04:00")));
    }

    @Test
    void aResponseAfterTheDueTimeBeforeTheBreachTimerRanIsABreachTheManagersHandle() {
        scenario.at("2026-03-10T10:15:00-04:00"); // Tuesday
        var key = scenario.submit("AD_SERVING", false);
        scenario.at("2026-03-11T09:15:00-04:00");
        scenario.fireDueTimers(key); // the warning

        // Twenty seconds late, while the job executor has not yet run the breach timer.
        scenario.at("2026-03-11T10:15:20-04:00");
        scenario.acknowledge(key);

        var target = scenario.target(key, SlaTargetKind.ACKNOWLEDGEMENT);
        assertThat(target.outcome()).isEqualTo(Outcome.MISSED);
        assertThat(target.breachedAt()).as("breached at its due time").isEqualTo(target.dueAt());
        assertThat(details.log(scenario.ticket(key)))
                .filteredOn(event -> event.type() == TicketEvents.Type.SLA_BREACHED)
                .singleElement()
                .satisfies(event -> assertThat(event.detail()).startsWith("ACKNOWLEDGEMENT was due by"));
        scenario.breachHandovers().forEach(job -> management.executeJob(job.getId()));
        assertThat(scenario.lifecycle(key, "sla-breach"))
                .hasPassed("Task_NotifyManagersOfBreach")
                .isWaitingAt("Task_HandleSlaBreach");
        assertThat(scenario.timers(key))
                .as("the breach timer went with the task: one breach, not two")
                .noneMatch(job ->
                        job.getDuedate().toInstant().equals(target.dueAt().toInstant()));
    }

    @Test
    void acknowledgedInTimeThenResolvedDirectlyClosesTheTicket() {
        scenario.at("2026-03-16T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", false);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);

        scenario.at("2026-03-16T11:00:00-04:00");
        scenario.complete(key, "Task_AcknowledgeTicket", Map.of("acknowledgementNote", "Looking into it"));
        assertThat(scenario.target(key, SlaTargetKind.ACKNOWLEDGEMENT).outcome())
                .isEqualTo(Outcome.MET);
        assertThat(scenario.timers(key))
                .as("the acknowledgement timers went with the task")
                .isEmpty();
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.ACKNOWLEDGED);

        var diagnose = scenario.task(key, "Task_DiagnoseIssue");
        assertThat(diagnose.getDueDate())
                .as("no target before the customer answers, but due under the next-response rule "
                        + "from its creation, for the queue's order")
                .isEqualTo(instant("2026-03-17T11:00:00-04:00"));
        tasks.claim(diagnose.getId(), "cs-agent");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.IN_PROGRESS);

        assertThatThrownBy(() -> scenario.complete(key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "RESOLVED")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("resolutionSummary");
        assertThat(lifecycle).isWaitingAt("Task_DiagnoseIssue");

        scenario.complete(
                key,
                "Task_DiagnoseIssue",
                Map.of("diagnosisOutcome", "RESOLVED", "resolutionSummary", "Cache purged; placements serve again"));
        assertThat(lifecycle)
                .as("closed, and open to the customer's reply for the reopen window")
                .hasPassed("Task_SendResolution", "Task_CloseTicket")
                .isWaitingAt("Gateway_ReopenWindow");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void clockStopsWhileWaitingOnCustomerAndNextResponseMetInTime() {
        scenario.at("2026-03-16T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", false);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);
        scenario.acknowledge(key);

        assertThatThrownBy(() -> scenario.complete(
                        key,
                        "Task_DiagnoseIssue",
                        Map.of("diagnosisOutcome", "NEED_CUSTOMER_INFO", "customerQuestions", " ")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("customerQuestions");
        scenario.complete(
                key,
                "Task_DiagnoseIssue",
                Map.of("diagnosisOutcome", "NEED_CUSTOMER_INFO", "customerQuestions", "Which browsers?"));
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
        assertThat(lifecycle).isWaitingAt("Event_CustomerAnswered");
        assertThat(scenario.timers(key))
                .as("no clock runs for the team while the customer is asked")
                .isEmpty();

        scenario.at("2026-03-25T14:30:00-04:00"); // nine days later, a Wednesday
        assertThat(scenario.timers(key)).isEmpty();
        scenario.customerAnswers(key, "Chrome 131 and Safari 18");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.IN_PROGRESS);
        var diagnose = scenario.task(key, "Task_DiagnoseIssue");
        assertThat(diagnose.getDueDate()).isEqualTo(instant("2026-03-26T14:30:00-04:00"));
        assertThat(scenario.target(key, SlaTargetKind.NEXT_RESPONSE).dueAt().toInstant())
                .isEqualTo(instant("2026-03-26T14:30:00-04:00").toInstant());
        assertThat(lifecycle).isWaitingAt("Task_DiagnoseIssue", "Task_AwaitNextResponse");

        scenario.at("2026-03-26T12:00:00-04:00");
        assertThat(scenario.dueTimers(key)).isEmpty();
        scenario.complete(
                key,
                "Task_DiagnoseIssue",
                Map.of("diagnosisOutcome", "RESOLVED", "resolutionSummary", "Fixed in Chrome rendering path"));
        assertThat(scenario.target(key, SlaTargetKind.NEXT_RESPONSE).outcome()).isEqualTo(Outcome.MET);
        assertThat(lifecycle)
                .hasPassed("Event_NextResponseGiven", "Task_CloseTicket")
                .isWaitingAt("Gateway_ReopenWindow");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void missedNextResponseGoesToManagersAndEngineeringFixReleasesTheTicket() {
        scenario.at("2026-04-06T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", false);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);
        scenario.askAndAnswer(key, "Which placements?", "2026-04-07T16:30:00-04:00", "5512 and 5513");

        scenario.at("2026-04-08T15:29:59-04:00");
        assertThat(scenario.dueTimers(key)).isEmpty();
        scenario.at("2026-04-08T15:30:00-04:00");
        scenario.fireDueTimers(key);
        assertThat(lifecycle).hasPassed("Task_WarnNextResponseDue", "Event_NextResponseWarned");
        scenario.at("2026-04-08T16:29:59-04:00");
        assertThat(scenario.dueTimers(key)).isEmpty();
        scenario.at("2026-04-08T16:30:00-04:00");
        scenario.fireDueTimers(key);
        var breach = scenario.task(key, "Task_HandleSlaBreach");
        assertThat(tasks.getVariable(breach.getId(), "breachedTarget")).isEqualTo("NEXT_RESPONSE");
        assertThat(breach.getDueDate()).isEqualTo(instant("2026-04-08T16:30:00-04:00"));

        scenario.at("2026-04-08T17:00:00-04:00");
        assertThatThrownBy(() ->
                        scenario.complete(key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "ENGINEERING_FIX")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("engineeringBugId");
        scenario.complete(
                key,
                "Task_DiagnoseIssue",
                Map.of("diagnosisOutcome", "ENGINEERING_FIX", "engineeringBugId", "ENG-4711"));
        assertThat(scenario.target(key, SlaTargetKind.NEXT_RESPONSE).outcome()).isEqualTo(Outcome.MISSED);
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.WAITING_ON_ENGINEERING);
        assertThat(lifecycle).isWaitingAt("Task_AwaitEngineeringFix");

        runtime.createMessageCorrelation("EngineeringFixReleased")
                .processInstanceVariableEquals("engineeringBugId", "ENG-4711")
                .setVariable("releaseNote", "Released in 5.2.1")
                .correlateAll();
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(scenario.task(key, "Task_ConfirmResolution").getDueDate())
                .as("released at 17:00 on Wednesday, inside working hours: due one business day later")
                .isEqualTo(instant("2026-04-09T17:00:00-04:00"));
        assertThatThrownBy(() -> scenario.complete(key, "Task_ConfirmResolution", Map.of()))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("resolutionSummary");
        scenario.complete(key, "Task_ConfirmResolution", Map.of("resolutionSummary", "Fixed in release 5.2.1"));
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.CLOSED);
        assertThat(lifecycle)
                .as("the ticket closes while the managers still handle its breach")
                .hasPassed("Task_CloseTicket")
                .isWaitingAt("Gateway_ReopenWindow");
        scenario.complete(key, "Task_HandleSlaBreach", Map.of("escalationNote", "Discussed in the weekly review"));
        assertThat(scenario.openTasks(key, "Task_HandleSlaBreach")).isEmpty();
    }

    @Test
    void answerOnSaturdayIsDueAtMondayOpeningWithNoSeparateWarning() {
        scenario.at("2026-04-09T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", false);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);
        scenario.askAndAnswer(key, "Screenshot please", "2026-04-11T20:00:00-04:00", "Attached"); // Saturday evening
        assertThat(scenario.task(key, "Task_DiagnoseIssue").getDueDate())
                .isEqualTo(instant("2026-04-13T09:00:00-04:00"));

        scenario.at("2026-04-13T09:00:00-04:00");
        scenario.fireDueTimers(key);
        assertThat(lifecycle)
                .hasPassed("Event_NoNextResponseWarning", "Task_RecordNextResponseBreach")
                .hasNotPassed("Task_WarnNextResponseDue");
    }

    @Test
    void rerouteHandsTheTicketToAnotherTeamKeepingTheDueTime() {
        scenario.at("2026-04-13T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", false);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);
        scenario.askAndAnswer(key, "Which creative?", "2026-04-14T11:00:00-04:00", "Creative 88231");

        assertThatThrownBy(() -> scenario.complete(
                        key,
                        "Task_DiagnoseIssue",
                        Map.of("diagnosisOutcome", "REROUTE", "rerouteTeam", "client-services")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("rerouteTeam");
        assertThatThrownBy(() -> scenario.complete(
                        key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "REROUTE", "rerouteTeam", "marketing")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("rerouteTeam");
        scenario.at("2026-04-14T12:00:00-04:00");
        scenario.complete(
                key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "REROUTE", "rerouteTeam", "ad-quality"));

        assertThat(lifecycle)
                .hasPassed("Task_RerouteTicket")
                .isWaitingAt("Task_DiagnoseIssue", "Task_AwaitNextResponse");
        var rerouted = scenario.task(key, "Task_DiagnoseIssue");
        assertThat(rerouted).hasCandidateGroup("ad-quality");
        assertThat(rerouted.getDueDate()).isEqualTo(instant("2026-04-15T11:00:00-04:00"));
        assertThat(scenario.ticket(key).team()).isEqualTo("ad-quality");
        assertThat(scenario.target(key, SlaTargetKind.NEXT_RESPONSE).outcome())
                .as("a reroute is no response to the customer")
                .isEqualTo(Outcome.OPEN);

        scenario.at("2026-04-15T10:00:00-04:00");
        scenario.complete(
                key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "RESOLVED", "resolutionSummary", "Approved"));
        assertThat(scenario.target(key, SlaTargetKind.NEXT_RESPONSE).outcome()).isEqualTo(Outcome.MET);
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void aRunningTargetGoesWithARerouteSoTheNewTeamAnswersForItsBreach() {
        scenario.at("2026-04-13T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", false);
        scenario.askAndAnswer(key, "Which creative?", "2026-04-14T11:00:00-04:00", "Creative 88231");
        scenario.at("2026-04-14T12:00:00-04:00");
        scenario.complete(
                key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "REROUTE", "rerouteTeam", "ad-quality"));

        assertThat(scenario.target(key, SlaTargetKind.NEXT_RESPONSE).team()).isEqualTo("ad-quality");
        assertThat(scenario.target(key, SlaTargetKind.ACKNOWLEDGEMENT).team())
                .as("met by the team that had the ticket then")
                .isEqualTo("client-services");

        scenario.at("2026-04-15T11:00:00-04:00");
        scenario.fireDueTimers(key);
        var breach = scenario.task(key, "Task_HandleSlaBreach");
        assertThat(tasks.getVariable(breach.getId(), "team")).isEqualTo("ad-quality");
    }

    @Test
    void emergencyDowngradedAtAcknowledgementJoinsTheStandardLifecycleAtDiagnosis() {
        scenario.at("2026-04-14T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", true);
        scenario.asAgent(
                "cs-agent",
                "client-services",
                () -> scenario.complete(
                        key,
                        "Task_AcknowledgeTicket",
                        Map.of(
                                "downgradeToStandard",
                                true,
                                "downgradeReason",
                                "A single placement; a workaround exists")));

        var lifecycle = scenario.lifecycle(key, LIFECYCLE);
        assertThat(lifecycle)
                .hasPassed("Gateway_AlreadyAcknowledged")
                .hasNotPassed("Task_AcknowledgeTicket")
                .isWaitingAt("Task_DiagnoseIssue");
        var diagnose = scenario.task(key, "Task_DiagnoseIssue");
        assertThat(diagnose.getPriority()).isEqualTo(50);
        assertThat(diagnose.getDueDate())
                .as("one business day from the downgrade, as a standard ticket")
                .isEqualTo(instant("2026-04-15T10:00:00-04:00"));
        var ticket = scenario.ticket(key);
        assertThat(ticket.emergency()).isFalse();
        assertThat(ticket.downgradedBy()).isEqualTo("cs-agent");
        assertThat(ticket.downgradeReason()).isEqualTo("A single placement; a workaround exists");
        assertThat(ticket.downgradedAt()).isEqualTo(OffsetDateTime.parse("2026-04-14T10:00:00-04:00"));
    }

    @Test
    void customerAddsInformationAtEveryOpenStatusAndWhoeverWorksTheTicketIsToldWhileTheStatusStays() {
        scenario.at("2026-11-02T10:00:00-05:00"); // Monday
        var key = scenario.submit("AD_SERVING", false);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);

        scenario.customerWrites(key, "Steps: open placement 5512 in Chrome 131");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.NEW);
        assertThat(lifecycle).hasPassed("Task_TellWhoWorksTheTicket").isWaitingAt("Task_AcknowledgeTicket");
        assertThat(scenario.sent(key, "customer-added-information"))
                .extracting(Notifications.Sent::recipient)
                .as("nobody has claimed the ticket yet: the team hears of it")
                .containsExactly("group:client-services");

        scenario.at("2026-11-02T10:30:00-05:00");
        scenario.acknowledge(key);
        scenario.customerWrites(key, "It also happens on placement 5513");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.ACKNOWLEDGED);

        var diagnose = scenario.task(key, "Task_DiagnoseIssue");
        tasks.claim(diagnose.getId(), "cs-agent");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.IN_PROGRESS);
        scenario.customerWrites(key, "A screenshot is on its way");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(scenario.sent(key, "customer-added-information"))
                .extracting(Notifications.Sent::recipient)
                .as("once an agent has claimed the task, that agent hears of it")
                .containsExactly("group:client-services", "group:client-services", "cs-agent");
        assertThat(lifecycle).isWaitingAt("Task_DiagnoseIssue");
        assertThat(scenario.task(key, "Task_DiagnoseIssue").getDueDate())
                .as("added information does not start a next-response target")
                .isEqualTo(diagnose.getDueDate());

        scenario.complete(
                key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "ENGINEERING_FIX", "engineeringBugId", "ENG-9"));
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.WAITING_ON_ENGINEERING);
        scenario.customerWrites(key, "Our release is on Friday, in case that matters");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.WAITING_ON_ENGINEERING);
        assertThat(lifecycle).isWaitingAt("Task_AwaitEngineeringFix");
        assertThat(scenario.sent(key, "customer-added-information")).hasSize(4);
        assertThat(details.conversation(scenario.ticket(key)))
                .filteredOn(message -> message.kind() == Conversation.Kind.ADDED_INFORMATION)
                .extracting(TicketDetails.Message::text)
                .containsExactly(
                        "Steps: open placement 5512 in Chrome 131",
                        "It also happens on placement 5513",
                        "A screenshot is on its way",
                        "Our release is on Friday, in case that matters");
    }

    @Test
    void engineeringHandOffThenAnUpdateToTheCustomerEveryFiveWorkingDaysSkippingThanksgiving() {
        scenario.at("2026-11-18T09:30:00-05:00"); // Wednesday
        var key = scenario.submit("AD_SERVING", false);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);
        scenario.acknowledge(key);
        scenario.at("2026-11-18T10:00:00-05:00");
        scenario.complete(
                key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "ENGINEERING_FIX", "engineeringBugId", "ENG-31"));
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.WAITING_ON_ENGINEERING);
        assertThat(scenario.sent(key, "waiting-on-engineering"))
                .extracting(Notifications.Sent::recipient)
                .containsExactly("spoc-acme");
        assertThat(scenario.sent(key, "engineering-handoff"))
                .extracting(Notifications.Sent::recipient)
                .containsExactly("group:engineering");

        scenario.at("2026-11-25T09:59:59-05:00");
        assertThat(scenario.dueTimers(key)).isEmpty();
        scenario.at("2026-11-25T10:00:00-05:00"); // 5 working days later: Thu, Fri, Mon, Tue, Wed
        scenario.fireDueTimers(key);
        assertThat(lifecycle).hasPassed("Task_SendEngineeringUpdate").isWaitingAt("Task_AwaitEngineeringFix");
        assertThat(scenario.sent(key, "engineering-update"))
                .extracting(Notifications.Sent::recipient)
                .containsExactly("spoc-acme");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.WAITING_ON_ENGINEERING);
        assertThat(scenario.timers(key))
                .extracting(job -> job.getDuedate().toInstant())
                .as("Thanksgiving (Thu 26 Nov) and the weekend do not count: Fri, Mon, Tue, Wed, Thu")
                .containsExactly(instant("2026-12-03T10:00:00-05:00").toInstant());

        scenario.at("2026-12-03T09:59:59-05:00");
        assertThat(scenario.dueTimers(key)).isEmpty();
        scenario.at("2026-12-03T10:00:00-05:00");
        scenario.fireDueTimers(key);
        assertThat(scenario.sent(key, "engineering-update")).hasSize(2);
    }

    @Test
    void confirmingTheResolutionAfterTheFixIsANextResponseWithItsWarningAndBreach() {
        scenario.at("2026-04-20T10:00:00-04:00"); // Monday
        var key = scenario.submit("AD_SERVING", false);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);
        scenario.acknowledge(key);
        scenario.complete(
                key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "ENGINEERING_FIX", "engineeringBugId", "ENG-40"));

        scenario.at("2026-04-22T11:00:00-04:00"); // Wednesday: the fix is released
        runtime.createMessageCorrelation("EngineeringFixReleased")
                .processInstanceVariableEquals("engineeringBugId", "ENG-40")
                .correlateAll();
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(scenario.target(key, SlaTargetKind.NEXT_RESPONSE).dueAt())
                .isEqualTo(OffsetDateTime.parse("2026-04-23T11:00:00-04:00"));
        assertThat(scenario.task(key, "Task_ConfirmResolution").getDueDate())
                .isEqualTo(instant("2026-04-23T11:00:00-04:00"));

        scenario.at("2026-04-23T09:59:59-04:00");
        assertThat(scenario.dueTimers(key)).isEmpty();
        scenario.at("2026-04-23T10:00:00-04:00");
        scenario.fireDueTimers(key);
        assertThat(lifecycle).hasPassed("Task_WarnConfirmationDue", "Event_ConfirmationWarned");
        assertThat(scenario.sent(key, "sla-warning"))
                .extracting(Notifications.Sent::recipient)
                .contains("group:client-services");
        scenario.at("2026-04-23T10:59:59-04:00");
        assertThat(scenario.dueTimers(key)).isEmpty();
        scenario.at("2026-04-23T11:00:00-04:00");
        scenario.fireDueTimers(key);
        assertThat(lifecycle).hasPassed("Task_RecordConfirmationBreach", "Event_ConfirmationBreachEscalated");
        assertThat(scenario.openTasks(key, "Task_HandleSlaBreach"))
                .extracting(task -> tasks.getVariable(task.getId(), "breachedTarget"))
                .containsExactly("NEXT_RESPONSE");

        scenario.at("2026-04-23T11:30:00-04:00");
        scenario.complete(key, "Task_ConfirmResolution", Map.of("resolutionSummary", "Fixed in 5.4.0"));
        assertThat(scenario.target(key, SlaTargetKind.NEXT_RESPONSE).outcome()).isEqualTo(Outcome.MISSED);
        assertThat(lifecycle).hasPassed("Task_RecordConfirmation", "Task_CloseTicket");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void fixReleasedOnASaturdayIsConfirmedByMondayOpeningWithNoSeparateWarning() {
        scenario.at("2026-04-20T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", false);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);
        scenario.acknowledge(key);
        scenario.complete(
                key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "ENGINEERING_FIX", "engineeringBugId", "ENG-41"));
        scenario.at("2026-04-25T15:00:00-04:00"); // Saturday
        runtime.createMessageCorrelation("EngineeringFixReleased")
                .processInstanceVariableEquals("engineeringBugId", "ENG-41")
                .correlateAll();
        assertThat(scenario.task(key, "Task_ConfirmResolution").getDueDate())
                .isEqualTo(instant("2026-04-27T09:00:00-04:00"));
        scenario.at("2026-04-27T09:00:00-04:00");
        scenario.fireDueTimers(key);
        assertThat(lifecycle).hasPassed("Event_NoConfirmationWarning").hasNotPassed("Task_WarnConfirmationDue");
    }

    @Test
    void replyOnDayThirteenReopensTheTicketForTheTeamThatClosedItAndOnDayFifteenIsRefused() {
        scenario.at("2026-05-04T10:00:00-04:00"); // Monday
        var key = scenario.submit("AD_SERVING", false);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);
        scenario.acknowledge(key);
        scenario.complete(
                key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "REROUTE", "rerouteTeam", "ad-quality"));
        scenario.at("2026-05-05T10:00:00-04:00");
        scenario.complete(
                key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "RESOLVED", "resolutionSummary", "Re-approved"));
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.CLOSED);
        assertThat(lifecycle).isWaitingAt("Gateway_ReopenWindow");

        scenario.at("2026-05-18T10:00:00-04:00"); // day 13, a Monday
        scenario.customerWrites(key, "The creative is rejected again since this morning");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(lifecycle).hasPassed("Task_ReopenTicket", "Task_TellTeamReopened");
        assertThat(details.log(scenario.ticket(key)))
                .extracting(event -> event.type().name())
                .contains("REOPENED");
        var diagnose = scenario.task(key, "Task_DiagnoseIssue");
        assertThat(diagnose).as("the team that closed it").hasCandidateGroup("ad-quality");
        assertThat(diagnose.getDueDate())
                .as("a next-response target from the reply, one business day")
                .isEqualTo(instant("2026-05-19T10:00:00-04:00"));
        assertThat(scenario.target(key, SlaTargetKind.NEXT_RESPONSE).outcome()).isEqualTo(Outcome.OPEN);
        assertThat(scenario.ticket(key).emergency()).isFalse();
        assertThat(scenario.sent(key, "ticket-reopened"))
                .extracting(Notifications.Sent::recipient)
                .containsExactly("group:ad-quality");

        scenario.at("2026-05-18T15:00:00-04:00");
        scenario.complete(
                key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "RESOLVED", "resolutionSummary", "Rule fixed"));
        assertThat(scenario.target(key, SlaTargetKind.NEXT_RESPONSE).outcome()).isEqualTo(Outcome.MET);
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.CLOSED);

        scenario.at("2026-06-01T14:59:59-04:00");
        assertThat(scenario.dueTimers(key)).isEmpty();
        scenario.at("2026-06-01T15:00:00-04:00"); // 14 days after closing
        scenario.fireDueTimers(key);
        assertThat(lifecycle)
                .hasPassed("Event_ReopenWindowOver", "Event_TicketClosed")
                .isEnded();

        scenario.at("2026-06-02T15:00:00-04:00"); // day 15
        var refused =
                http.post("spoc-acme", "/api/tickets/" + key + "/replies", "{\"message\":\"It is back once more\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText())
                .contains("can no longer be reopened")
                .contains("please open a new ticket");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.CLOSED);
    }

    @AfterAll
    static void everyFlowNodeAndSequenceFlowOfTheModelWasCovered(@Autowired RepositoryService repository) {
        assertThat(ModelCoverage.uncovered(repository, LIFECYCLE)).isEmpty();
    }
}
