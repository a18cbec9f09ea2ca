package com.clientservices.desk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import com.clientservices.desk.lifecycle.Scenario;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The recipient role {@code assignee-or-team} (docs/specification.md §5, customer-added-information): the
 * agent who has claimed the ticket's open task hears of what the customer added; while nobody has, the
 * whole team does. A send task of a small model, run with the ticket's business key as a lifecycle's
 * would, names the role.
 */
@DeskTest
class AssigneeOrTeamRecipientTest {

    private static final String PROBE = "assignee-or-team-probe";
    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://clientservices.com/test">
              <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="Event_Start" />
                <sequenceFlow id="Flow_ToTell" sourceRef="Event_Start" targetRef="Task_Tell" />
                <sendTask id="Task_Tell" camunda:delegateExpression="${sendNotification}">
                  <extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="template">customer-added-information</camunda:inputParameter>
                      <camunda:inputParameter name="to">assignee-or-team</camunda:inputParameter>
                    </camunda:inputOutput>
                  </extensionElements>
                </sendTask>
                <sequenceFlow id="Flow_ToEnd" sourceRef="Task_Tell" targetRef="Event_End" />
                <endEvent id="Event_End" />
              </process>
            </definitions>
            """.formatted(PROBE);

    @Autowired
    Scenario scenario;

    @Autowired
    Notifications notifications;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    private String deployment;

    @AfterEach
    void removeProbe() {
        ClockUtil.reset();
        if (deployment != null) {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void addedInformationGoesToTheTeamUntilAnAgentClaimsTheTaskThenToThatAgent() {
        deployment = repository
                .createDeployment()
                .name(PROBE)
                .addString(PROBE + ".bpmn", MODEL)
                .deploy()
                .getId();
        scenario.at("2026-04-23T10:00:00-04:00");
        var key = scenario.submit("AD_SERVING", false);

        runtime.startProcessInstanceByKey(PROBE, key, Map.of("customerAnswer", "Placement 5513 is blank too"));
        var unclaimed = last(key);

        tasks.claim(scenario.task(key, "Task_AcknowledgeTicket").getId(), "cs-agent");
        runtime.startProcessInstanceByKey(PROBE, key, Map.of("customerAnswer", "And placement 5514"));
        var claimed = last(key);

        assertThat(unclaimed.recipient()).isEqualTo("group:client-services");
        assertThat(unclaimed.address()).contains("cs-agent@desk.example").contains("cs-manager@desk.example");
        assertThat(unclaimed.body()).contains("Hello Client Services,").contains("Placement 5513 is blank too");
        assertThat(claimed.recipient()).isEqualTo("cs-agent");
        assertThat(claimed.address()).isEqualTo("cs-agent@desk.example");
        assertThat(claimed.body()).contains("Hello Casey Agent,").contains("And placement 5514");
        assertThat(claimed.bodyHtml()).contains("And placement 5514");
    }

    private Notifications.Sent last(String key) {
        var sent = notifications.ofTicket(scenario.ticket(key).id());
        var message = sent.get(sent.size() - 1);
        assertThat(message.kind()).isEqualTo("customer-added-information");
        return message;
    }
}
