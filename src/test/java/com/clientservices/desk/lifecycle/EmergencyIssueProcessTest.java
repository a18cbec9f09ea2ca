package com.clientservices.desk.lifecycle;

import static com.clientservices.desk.lifecycle.Scenario.instant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.clientservices.desk.DeskTest;
import com.clientservices.desk.ModelCoverage;
import com.clientservices.desk.notification.Notifications;
import com.clientservices.desk.sla.SlaTarget;
import com.clientservices.desk.sla.SlaTarget.Outcome;
import com.clientservices.desk.sla.SlaTargetKind;
import com.clientservices.desk.ticket.TicketStatus;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/emergency-issue.bpmn with the engine's clock moved: the one-hour target
 * around the clock, the 15-minute warning, the account representative told at once, hourly status
 * updates across an engineering wait until resolution, and the downgrade to standard.
 */
@DeskTest
class EmergencyIssueProcessTest extends LifecycleTest {

    private static final String LIFECYCLE = "emergency-issue";

    @Autowired
    Notifications notifications;

    @Test
    void emergencyAtTwoOnSundayNightIsDueWithinTheHourAndTheAccountRepresentativeIsToldAtOnce() {
        scenario.at("2026-03-15T02:00:00-04:00"); // Sunday night
        var key = scenario.submit("AD_SERVING", true);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);

        assertThat(lifecycle).hasPassed("Task_NotifyAccountRepresentative").isWaitingAt("Task_AcknowledgeTicket");
        var notice = sent(key, "emergency-submitted");
        assertThat(notice).hasSize(1);
        assertThat(notice.get(0).recipient()).isEqualTo("account-rep");
        assertThat(notice.get(0).subject()).contains(key).contains("Acme Media");
        assertThat(notice.get(0).body()).contains("+1 212 555 0100").contains("Blank ads on 5512");

        var acknowledge = scenario.task(key, "Task_AcknowledgeTicket");
        assertThat(acknowledge.getPriority()).isEqualTo(80);
        assertThat(acknowledge.getDueDate()).isEqualTo(instant("2026-03-15T03:00:00-04:00"));

        scenario.at("2026-03-15T02:44:59-04:00");
        assertThat(scenario.dueTimers(key)).isEmpty();
        scenario.at("2026-03-15T02:45:00-04:00");
        scenario.fireDueTimers(key);
        assertThat(lifecycle).hasPassed("Task_WarnAcknowledgementDue", "Event_AcknowledgementWarned");
        assertThat(scenario.target(key, SlaTargetKind.ACKNOWLEDGEMENT).warnedAt())
                .isNotNull();

        scenario.at("2026-03-15T02:59:59-04:00");
        assertThat(scenario.dueTimers(key)).isEmpty();
        scenario.at("2026-03-15T03:00:00-04:00");
        scenario.fireDueTimers(key);
        var breach = scenario.task(key, "Task_HandleSlaBreach");
        assertThat(breach).hasCandidateGroup("cs-managers");
        assertThat(scenario.target(key, SlaTargetKind.ACKNOWLEDGEMENT).outcome())
                .isEqualTo(Outcome.MISSED);
        assertThat(breach.getPriority()).isEqualTo(95);
        scenario.complete(key, "Task_HandleSlaBreach", Map.of("escalationNote", "Night shift paged"));
        assertThat(lifecycle).hasPassed("Event_AcknowledgementBreachEscalated");
        assertThat(scenario.openTasks(key, "Task_HandleSlaBreach")).isEmpty();
    }

    @Test
    void emergencyAtThreeOnSundayMorningAlertsTheTeamAndTheManagersAtOnce() {
        scenario.at("2026-12-06T03:00:00-05:00"); // Sunday, outside working hours
        var key = scenario.submit("AD_SERVING", true);

        assertThat(scenario.lifecycle(key, LIFECYCLE)).hasPassed("Task_AlertTeamAndManagers");
        var alert = sent(key, "emergency-alert");
        assertThat(alert).hasSize(1);
        assertThat(alert.get(0).recipient()).isEqualTo("group:client-services, group:cs-managers");
        assertThat(alert.get(0).address().split(", ")).contains("cs-agent@desk.example", "cs-manager@desk.example");
        assertThat(alert.get(0).queuedAt().toInstant())
                .isEqualTo(instant("2026-12-06T03:00:00-05:00").toInstant());
        assertThat(alert.get(0).subject()).contains(key).contains("EMERGENCY").contains("Acme Media");
        assertThat(alert.get(0).body()).contains("+1 212 555 0100");
    }

    @Test
    void emergencyOnAHolidayIsDueWithinTheHourAndMetWhenAcknowledgedInTime() {
        scenario.at("2026-07-03T14:00:00-04:00"); // Independence Day observed
        var key = scenario.submit("AD_SERVING", true);
        assertThat(scenario.task(key, "Task_AcknowledgeTicket").getDueDate())
                .isEqualTo(instant("2026-07-03T15:00:00-04:00"));

        scenario.at("2026-07-03T14:30:00-04:00");
        scenario.complete(key, "Task_AcknowledgeTicket", Map.of("acknowledgementNote", "On it"));

        assertThat(scenario.target(key, SlaTargetKind.ACKNOWLEDGEMENT).outcome())
                .isEqualTo(Outcome.MET);
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.ACKNOWLEDGED);
        var update = scenario.task(key, "Task_SendStatusUpdate");
        assertThat(update.getDueDate())
                .as("first update an hour after acknowledgement")
                .isEqualTo(instant("2026-07-03T15:30:00-04:00"));
        assertThat(update.getPriority()).isEqualTo(80);
    }

    @Test
    void hourlyUpdatesContinueAcrossAnEngineeringWaitAndStopAtResolution() {
        scenario.at("2026-04-14T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", true);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);
        scenario.at("2026-04-14T10:10:00-04:00");
        scenario.acknowledge(key);
        assertThat(lifecycle).isWaitingAt("Task_DiagnoseIssue", "Task_SendStatusUpdate");
        assertThat(scenario.task(key, "Task_SendStatusUpdate").getDueDate())
                .isEqualTo(instant("2026-04-14T11:10:00-04:00"));

        scenario.at("2026-04-14T10:50:00-04:00");
        assertThatThrownBy(() -> scenario.complete(key, "Task_SendStatusUpdate", Map.of()))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("statusUpdate");
        scenario.complete(key, "Task_SendStatusUpdate", Map.of("statusUpdate", "We found the failing ad server"));
        var update = sent(key, "status-update");
        assertThat(update).hasSize(1);
        assertThat(update.get(0).recipient()).isEqualTo("spoc-acme");
        assertThat(update.get(0).body()).contains("We found the failing ad server");
        assertThat(scenario.task(key, "Task_SendStatusUpdate").getDueDate())
                .isEqualTo(instant("2026-04-14T11:50:00-04:00"));

        scenario.at("2026-04-14T11:00:00-04:00");
        scenario.complete(
                key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "ENGINEERING_FIX", "engineeringBugId", "ENG-5"));
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.WAITING_ON_ENGINEERING);

        scenario.at("2026-04-14T11:49:59-04:00");
        assertThat(scenario.dueTimers(key)).isEmpty();
        scenario.at("2026-04-14T11:50:00-04:00");
        scenario.fireDueTimers(key);
        assertThat(lifecycle).hasPassed("Task_RecordMissedStatusUpdate", "Event_MissedStatusUpdateRecorded");
        var missedUpdate = scenario.task(key, "Task_HandleSlaBreach");
        assertThat(missedUpdate).hasCandidateGroup("cs-managers");
        assertThat(tasks.getVariable(missedUpdate.getId(), "breachedTarget")).isEqualTo("STATUS_UPDATE");
        assertThat(targets(key, SlaTargetKind.STATUS_UPDATE))
                .extracting(SlaTarget::outcome)
                .containsExactly(Outcome.MET, Outcome.MISSED);

        scenario.at("2026-04-14T12:05:00-04:00");
        scenario.complete(key, "Task_SendStatusUpdate", Map.of("statusUpdate", "A fix is being deployed"));
        assertThat(scenario.task(key, "Task_SendStatusUpdate").getDueDate())
                .isEqualTo(instant("2026-04-14T13:05:00-04:00"));

        scenario.at("2026-04-14T12:30:00-04:00");
        runtime.createMessageCorrelation("EngineeringFixReleased")
                .processInstanceVariableEquals("engineeringBugId", "ENG-5")
                .correlateAll();
        scenario.at("2026-04-14T12:40:00-04:00");
        scenario.complete(key, "Task_ConfirmResolution", Map.of("resolutionSummary", "Ad server fixed in 5.3.0"));

        assertThat(lifecycle)
                .hasPassed(
                        "Task_StopStatusUpdates",
                        "Event_StatusUpdatesEnded",
                        "Task_NotifyAccountRepresentativeOfResolution",
                        "Task_CloseTicket")
                .isWaitingAt("Gateway_ReopenWindow");
        assertThat(scenario.openTasks(key, "Task_SendStatusUpdate")).isEmpty();
        assertThat(targets(key, SlaTargetKind.STATUS_UPDATE))
                .extracting(SlaTarget::outcome)
                .containsExactly(Outcome.MET, Outcome.MISSED, Outcome.MET);
        assertThat(sent(key, "status-update")).hasSize(2);
        assertThat(sent(key, "resolution"))
                .extracting(Notifications.Sent::recipient)
                .containsExactly("spoc-acme");
        assertThat(sent(key, "emergency-resolved"))
                .extracting(Notifications.Sent::recipient)
                .containsExactly("account-rep");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void nextResponseIsDueWithinTheHourAndRerouteKeepsItsDueTime() {
        scenario.at("2026-04-15T09:00:00-04:00");
        var key = scenario.submit("AD_SERVING", true);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);
        // evening: the emergency clock runs around the clock
        scenario.askAndAnswer(key, "Which placements?", "2026-04-15T21:00:00-04:00", "All of them");
        assertThat(scenario.task(key, "Task_DiagnoseIssue").getDueDate())
                .isEqualTo(instant("2026-04-15T22:00:00-04:00"));

        scenario.at("2026-04-15T21:10:00-04:00");
        scenario.complete(
                key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "REROUTE", "rerouteTeam", "ad-quality"));
        var rerouted = scenario.task(key, "Task_DiagnoseIssue");
        assertThat(rerouted).hasCandidateGroup("ad-quality");
        assertThat(rerouted.getDueDate()).isEqualTo(instant("2026-04-15T22:00:00-04:00"));

        scenario.at("2026-04-15T21:44:59-04:00");
        assertThat(scenario.dueTimers(key))
                .noneMatch(job -> job.getDuedate().equals(instant("2026-04-15T21:45:00-04:00")));
        scenario.at("2026-04-15T21:45:00-04:00");
        scenario.fireDueTimers(key);
        assertThat(lifecycle).hasPassed("Task_WarnNextResponseDue", "Event_NextResponseWarned");
        scenario.at("2026-04-15T22:00:00-04:00");
        scenario.fireDueTimers(key);
        assertThat(lifecycle).hasPassed("Task_RecordNextResponseBreach");
        assertThat(scenario.openTasks(key, "Task_HandleSlaBreach"))
                .extracting(task -> tasks.getVariable(task.getId(), "breachedTarget"))
                .as("the missed next response, beside the hourly updates nobody sent")
                .contains("NEXT_RESPONSE", "STATUS_UPDATE");

        scenario.at("2026-04-15T22:20:00-04:00");
        scenario.complete(
                key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "RESOLVED", "resolutionSummary", "Fixed"));
        assertThat(scenario.target(key, SlaTargetKind.NEXT_RESPONSE).outcome()).isEqualTo(Outcome.MISSED);
        assertThat(lifecycle)
                .hasPassed("Event_NextResponseGiven", "Task_CloseTicket")
                .isWaitingAt("Gateway_ReopenWindow");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void agentDowngradesAtAcknowledgementWithAReasonAndTheTicketContinuesAsStandard() {
        scenario.at("2026-04-16T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", true);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);

        assertThatThrownBy(() -> scenario.complete(key, "Task_AcknowledgeTicket", Map.of("downgradeToStandard", true)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("downgradeReason");
        scenario.asAgent(
                "cs-agent",
                "client-services",
                () -> scenario.complete(
                        key,
                        "Task_AcknowledgeTicket",
                        Map.of("downgradeToStandard", true, "downgradeReason", "Only a test page is affected")));

        assertThat(lifecycle)
                .hasPassed("Task_DowngradeToStandard", "Event_DowngradedToStandard")
                .isEnded();
        assertThat(scenario.lifecycle(key, "standard-issue")).isWaitingAt("Task_DiagnoseIssue");
        assertThat(scenario.openTasks(key, "Task_SendStatusUpdate")).isEmpty();
        var ticket = scenario.ticket(key);
        assertThat(ticket.emergency()).isFalse();
        assertThat(ticket.downgradedBy()).isEqualTo("cs-agent");
        assertThat(ticket.downgradeReason()).isEqualTo("Only a test page is affected");
        assertThat(scenario.target(key, SlaTargetKind.ACKNOWLEDGEMENT).outcome())
                .isEqualTo(Outcome.MET);
        var downgraded = sent(key, "emergency-downgraded");
        assertThat(downgraded)
                .as("a message of their own to the customer and to the account representative, each with the reason")
                .extracting(message -> message.recipient())
                .containsExactly("spoc-acme", "account-rep");
        assertThat(downgraded)
                .allSatisfy(message -> assertThat(message.body()).contains("Only a test page is affected"));
        assertThat(downgraded.get(0).body()).contains("/portal/tickets/" + key);
        assertThat(downgraded.get(1).body()).contains("/api/tickets/" + key).doesNotContain("/portal/");
    }

    @Test
    void reopenedEmergencyGoesBackToDiagnosisWithinTheHourAndTheHourlyUpdatesResume() {
        scenario.at("2026-05-12T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", true);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);
        scenario.acknowledge(key);
        scenario.at("2026-05-12T10:30:00-04:00");
        scenario.complete(
                key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "RESOLVED", "resolutionSummary", "Restarted"));
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.CLOSED);
        assertThat(scenario.openTasks(key, "Task_SendStatusUpdate")).isEmpty();

        scenario.at("2026-05-16T23:00:00-04:00"); // Saturday night, four days later
        scenario.customerWrites(key, "Blank placements again, all of them");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(scenario.ticket(key).emergency()).as("still an emergency").isTrue();
        assertThat(lifecycle).hasPassed("Task_ReopenTicket", "Gateway_ResumeEmergency");
        assertThat(sent(key, "ticket-reopened"))
                .extracting(Notifications.Sent::recipient)
                .containsExactly("group:client-services");
        var diagnose = scenario.task(key, "Task_DiagnoseIssue");
        assertThat(diagnose.getPriority()).isEqualTo(80);
        assertThat(diagnose.getDueDate()).isEqualTo(instant("2026-05-17T00:00:00-04:00"));
        assertThat(scenario.task(key, "Task_SendStatusUpdate").getDueDate())
                .as("the hourly contact starts again at the reopening")
                .isEqualTo(instant("2026-05-17T00:00:00-04:00"));

        scenario.at("2026-05-16T23:40:00-04:00");
        scenario.complete(key, "Task_SendStatusUpdate", Map.of("statusUpdate", "We are looking at it"));
        assertThat(scenario.task(key, "Task_SendStatusUpdate").getDueDate())
                .isEqualTo(instant("2026-05-17T00:40:00-04:00"));
        scenario.complete(
                key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "RESOLVED", "resolutionSummary", "Cache purged"));
        assertThat(scenario.openTasks(key, "Task_SendStatusUpdate")).isEmpty();
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.CLOSED);
        assertThat(lifecycle).isWaitingAt("Gateway_ReopenWindow");

        scenario.at("2026-05-30T23:40:00-04:00");
        scenario.fireDueTimers(key);
        assertThat(lifecycle)
                .hasPassed("Event_ReopenWindowOver", "Event_TicketClosed")
                .isEnded();
    }

    @Test
    void emergencyWaitingOnEngineeringIsHandedOffTakesAddedInformationAndItsConfirmationIsDueWithinTheHour() {
        scenario.at("2026-05-19T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", true);
        var lifecycle = scenario.lifecycle(key, LIFECYCLE);
        scenario.acknowledge(key);
        scenario.complete(
                key, "Task_DiagnoseIssue", Map.of("diagnosisOutcome", "ENGINEERING_FIX", "engineeringBugId", "ENG-77"));
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.WAITING_ON_ENGINEERING);
        assertThat(sent(key, "waiting-on-engineering"))
                .extracting(Notifications.Sent::recipient)
                .containsExactly("spoc-acme");
        assertThat(sent(key, "engineering-handoff"))
                .extracting(Notifications.Sent::recipient)
                .containsExactly("group:engineering");

        scenario.customerWrites(key, "It started right after our ad server deploy");
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.WAITING_ON_ENGINEERING);
        assertThat(lifecycle).hasPassed("Task_TellWhoWorksTheTicket").isWaitingAt("Task_AwaitEngineeringFix");
        assertThat(sent(key, "customer-added-information")).hasSize(1);

        scenario.at("2026-05-19T20:00:00-04:00"); // released in the evening
        runtime.createMessageCorrelation("EngineeringFixReleased")
                .processInstanceVariableEquals("engineeringBugId", "ENG-77")
                .correlateAll();
        assertThat(scenario.task(key, "Task_ConfirmResolution").getDueDate())
                .isEqualTo(instant("2026-05-19T21:00:00-04:00"));
        scenario.at("2026-05-19T20:44:59-04:00");
        assertThat(scenario.dueTimers(key))
                .noneMatch(job -> job.getDuedate().equals(instant("2026-05-19T20:45:00-04:00")));
        scenario.at("2026-05-19T20:45:00-04:00");
        scenario.fireDueTimers(key);
        assertThat(lifecycle).hasPassed("Task_WarnConfirmationDue", "Event_ConfirmationWarned");
        scenario.at("2026-05-19T21:00:00-04:00");
        scenario.fireDueTimers(key);
        assertThat(lifecycle).hasPassed("Task_RecordConfirmationBreach", "Event_ConfirmationBreachEscalated");
        assertThat(scenario.openTasks(key, "Task_HandleSlaBreach"))
                .extracting(task -> tasks.getVariable(task.getId(), "breachedTarget"))
                .contains("NEXT_RESPONSE");
        scenario.complete(key, "Task_ConfirmResolution", Map.of("resolutionSummary", "Fixed in 5.3.1"));
        assertThat(scenario.target(key, SlaTargetKind.NEXT_RESPONSE).outcome()).isEqualTo(Outcome.MISSED);
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void lateAcknowledgementWithDowngradeStillContinuesAsStandardWhileManagersHandleTheBreach() {
        scenario.at("2026-04-17T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", true);
        scenario.at("2026-04-17T11:00:00-04:00");
        scenario.fireDueTimers(key);
        assertThat(scenario.openTasks(key, "Task_HandleSlaBreach")).hasSize(1);

        scenario.at("2026-04-17T11:10:00-04:00");
        scenario.complete(
                key,
                "Task_AcknowledgeTicket",
                Map.of("downgradeToStandard", true, "downgradeReason", "Only one placement"));

        assertThat(scenario.lifecycle(key, "standard-issue")).isWaitingAt("Task_DiagnoseIssue");
        assertThat(scenario.openTasks(key, "Task_HandleSlaBreach"))
                .as("the breach stays with the managers")
                .hasSize(1);
        assertThat(scenario.target(key, SlaTargetKind.ACKNOWLEDGEMENT).outcome())
                .isEqualTo(Outcome.MISSED);
    }

    @AfterAll
    static void everyFlowNodeAndSequenceFlowOfTheModelWasCovered(@Autowired RepositoryService repository) {
        assertThat(ModelCoverage.uncovered(repository, LIFECYCLE)).isEmpty();
    }

    private List<Notifications.Sent> sent(String key, String template) {
        return notifications.ofTicket(scenario.ticket(key).id()).stream()
                .filter(n -> n.kind().equals(template))
                .toList();
    }

    private List<SlaTarget> targets(String key, SlaTargetKind kind) {
        return scenario.targets(key).stream().filter(t -> t.kind() == kind).toList();
    }
}
