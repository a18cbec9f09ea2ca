package com.clientservices.desk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.sla.SlaTarget.Outcome;
import com.clientservices.desk.sla.SlaTargetKind;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Agents cannot set variables on their tasks (docs/specification.md §8); and a variable an administrator sets can
 * still not stand in for the desk's own steps.
 */
@DeskTest
class TaskVariablesCannotSilenceTheDeskTest {

    @Autowired
    DeskHttpClient http;

    @Autowired
    Scenario scenario;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void variableNamedLikeTheSlaClockDoesNotStopTheBreach() {
        scenario.at("2026-05-04T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", false);
        var task = scenario.task(key, "Task_AcknowledgeTicket").getId();
        var refused = http.send(
                "cs-agent",
                "PUT",
                "/engine-rest/task/" + task + "/variables/slaClock",
                "{\"value\":\"nothing\",\"type\":\"String\"}");
        assertThat(refused.status()).as("agents may not set task variables").isEqualTo(403);
        var set = http.send(
                "demo",
                "PUT",
                "/engine-rest/task/" + task + "/variables/slaClock",
                "{\"value\":\"nothing\",\"type\":\"String\"}");
        assertThat(set.status()).as("an administrator may").isEqualTo(204);

        scenario.at("2026-05-05T10:00:00-04:00");
        scenario.fireDueTimers(key);

        assertThat(scenario.target(key, SlaTargetKind.ACKNOWLEDGEMENT).outcome())
                .isEqualTo(Outcome.MISSED);
        assertThat(scenario.openTasks(key, "Task_HandleSlaBreach")).hasSize(1);
    }
}
