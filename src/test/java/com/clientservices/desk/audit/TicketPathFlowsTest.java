package com.clientservices.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricActivityInstanceEntity;
import org.junit.jupiter.api.Test;

/**
 * Which flows a ticket's path marks, worked out from the engine's history alone (audit.TicketPath): the cases a
 * process owner's model may bring that the desk's own models do not.
 */
class TicketPathFlowsTest {

    private static final String PROCESS = "process-instance";

    private final List<HistoricActivityInstance> history = new ArrayList<>();

    @Test
    void aMultiInstanceStepIsOneStepWhoseFlowsInAndOutAreTaken() {
        step("start", "Event_Start", "startEvent", PROCESS, "10:00:00", "10:00:00");
        step("body", "Task_Notify#multiInstanceBody", "multiInstanceBody", PROCESS, "10:00:00", "10:05:00");
        step("run-1", "Task_Notify", "sendTask", "body", "10:00:00", "10:02:00");
        step("run-2", "Task_Notify", "sendTask", "body", "10:02:00", "10:05:00");
        step("end", "Event_End", "noneEndEvent", PROCESS, "10:05:00", "10:05:00");

        var taken = TicketPath.taken(
                Map.of(
                        "Task_Notify", List.of(new TicketPath.Flow("Flow_ToNotify", "Event_Start")),
                        "Event_End", List.of(new TicketPath.Flow("Flow_ToEnd", "Task_Notify"))),
                history);

        assertThat(taken).containsExactly("Flow_ToEnd", "Flow_ToNotify");
    }

    @Test
    void aStepReachedTwiceIsReachedEachTimeByTheFlowFromTheStepThatEndedLastBeforeIt() {
        step("start", "Event_Start", "startEvent", PROCESS, "10:00:00", "10:00:00");
        step("merge-1", "Gateway_Merge", "exclusiveGateway", PROCESS, "10:00:00", "10:00:00");
        step("work-1", "Task_Work", "userTask", PROCESS, "10:00:00", "11:00:00");
        step("again", "Gateway_Again", "exclusiveGateway", PROCESS, "11:00:00", "11:00:00");
        step("merge-2", "Gateway_Merge", "exclusiveGateway", PROCESS, "11:00:00", "11:00:00");
        step("work-2", "Task_Work", "userTask", PROCESS, "11:00:00", null);

        var taken = TicketPath.taken(
                Map.of(
                        "Gateway_Merge",
                                List.of(
                                        new TicketPath.Flow("Flow_FromStart", "Event_Start"),
                                        new TicketPath.Flow("Flow_Again", "Gateway_Again"),
                                        new TicketPath.Flow("Flow_Skipped", "Event_Other")),
                        "Task_Work", List.of(new TicketPath.Flow("Flow_ToWork", "Gateway_Merge")),
                        "Gateway_Again", List.of(new TicketPath.Flow("Flow_ToAgain", "Task_Work"))),
                history);

        assertThat(taken).containsExactly("Flow_Again", "Flow_FromStart", "Flow_ToAgain", "Flow_ToWork");
    }

    private void step(String id, String activityId, String type, String parent, String started, String ended) {
        var step = new HistoricActivityInstanceEntity();
        step.setId(id);
        step.setActivityId(activityId);
        step.setActivityType(type);
        step.setParentActivityInstanceId(parent);
        step.setStartTime(at(started));
        step.setEndTime(ended == null ? null : at(ended));
        history.add(step);
    }

    private static Date at(String time) {
        return Date.from(Instant.parse("2026-12-01T" + time + "Z"));
    }
}
