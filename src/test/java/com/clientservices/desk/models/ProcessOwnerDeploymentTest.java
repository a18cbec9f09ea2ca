package com.clientservices.desk.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.lifecycle.Scenario;
import com.clientservices.desk.routing.RequestType;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import com.clientservices.desk.ticket.TicketStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A process owner changes the desk the way Camunda Modeler deploys: a changed model posted to
 * /engine-rest/deployment/create with their credentials. New tickets follow the change; running
 * tickets finish on the version they started with; no Java changes.
 */
@DeskTest
class ProcessOwnerDeploymentTest {

    private static final String STANDARD = "processes/standard-issue.bpmn";
    private static final String ROUTING = "processes/request-routing.dmn";

    @Autowired
    Scenario scenario;

    @Autowired
    ManagementService management;

    @Autowired
    DeskHttpClient http;

    @Autowired
    RequestTypeCatalogue catalogue;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    RepositoryService repository;

    @Autowired
    HistoryService history;

    @AfterEach
    void restoreTheModelsOfTheRepository() throws IOException {
        ClockUtil.reset();
        for (var file : new String[] {STANDARD, ROUTING}) {
            assertThat(deploy("process-owner", file, Files.readString(Paths.get(file)))
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void onlyProcessOwnersAndAdminsMayDeploy() throws IOException {
        var model = Files.readString(Paths.get(ROUTING));
        assertThat(deploy("cs-agent", ROUTING, model).status()).isEqualTo(403);
        assertThat(deploy("auditor", ROUTING, model).status()).isEqualTo(403);
        assertThat(deploy("spoc-acme", ROUTING, model).status()).isEqualTo(403);
        assertThat(deploy("demo", ROUTING, model).status()).isEqualTo(200);
        assertThat(deploy("process-owner", ROUTING, model).status()).isEqualTo(200);
    }

    @Test
    void changedWarningTimerAppliesToNewTicketsWhileRunningOnesFinishOnTheirVersion() throws IOException {
        scenario.at("2026-06-01T10:00:00-04:00"); // Monday
        var running = scenario.submit("AD_SERVING", false);
        var runningVersion = scenario.lifecycle(running, "standard-issue").getProcessDefinitionId();

        var changed = Files.readString(Paths.get(STANDARD))
                .replace(
                        "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${acknowledgementWarningAt}</bpmn:timeDate>",
                        "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">PT30M</bpmn:timeDuration>");
        assertThat(changed).contains("PT30M");
        var deployed = deploy("process-owner", STANDARD, changed);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);

        var fresh = scenario.submit("AD_SERVING", false);
        var freshVersion = scenario.lifecycle(fresh, "standard-issue").getProcessDefinitionId();
        assertThat(freshVersion).isNotEqualTo(runningVersion);
        assertThat(warningDue(fresh)).isEqualTo(Scenario.instant("2026-06-01T10:30:00-04:00"));
        assertThat(warningDue(running))
                .as("the running ticket keeps its version's warning, one working hour before")
                .isEqualTo(Scenario.instant("2026-06-02T09:00:00-04:00"));

        scenario.acknowledge(running);
        assertThat(scenario.lifecycle(running, "standard-issue").getProcessDefinitionId())
                .isEqualTo(runningVersion);
        assertThat(scenario.task(running, "Task_DiagnoseIssue")).isNotNull();
    }

    @Test
    void aProcessOwnerCannotDeleteTheDeploymentTicketsRunOn() throws IOException {
        var deployed = deploy("process-owner", STANDARD, Files.readString(Paths.get(STANDARD)));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        var deployment = deployed.json().path("id").asText();
        var key = scenario.submit("AD_SERVING", false);
        var lifecycle = scenario.lifecycle(key, "standard-issue");
        assertThat(repository
                        .getProcessDefinition(lifecycle.getProcessDefinitionId())
                        .getDeploymentId())
                .isEqualTo(deployment);

        for (var path : List.of(
                "/engine-rest/deployment/" + deployment + "?cascade=true",
                "/engine-rest/deployment/" + deployment + "?cascade=true&skipCustomListeners=true",
                "/engine-rest/deployment/" + deployment)) {
            var deleted = http.send("process-owner", "DELETE", path, null);
            assertThat(deleted.status())
                    .as("DELETE %s: %s", path, deleted.body())
                    .isEqualTo(403);
        }

        assertThat(repository.createDeploymentQuery().deploymentId(deployment).count())
                .isOne();
        assertThat(scenario.lifecycle(key, "standard-issue").getId()).isEqualTo(lifecycle.getId());
        assertThat(scenario.task(key, "Task_AcknowledgeTicket")).isNotNull();
        assertThat(scenario.timers(key)).as("its SLA timers").isNotEmpty();
        scenario.acknowledge(key);
        assertThat(scenario.status(key)).isEqualTo(TicketStatus.ACKNOWLEDGED);
    }

    @Test
    void aModelStartedByTheDesksMessagesIsNeverStartedByACustomersReply() {
        var deployment = deployListenerTo("CustomerAddedInformation");
        try {
            var key = scenario.submit("AD_SERVING", false);
            scenario.acknowledge(key);

            scenario.customerWrites(key, "The blanks also show on the sports page");

            assertThat(listenersStarted()).isZero();
            assertThat(scenario.status(key)).isEqualTo(TicketStatus.ACKNOWLEDGED);
            assertThat(scenario.sent(key, "customer-added-information")).hasSize(1);
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void aModelStartedByTheSlaClocksMessageIsNeverStartedWhenAResponseIsGiven() {
        var deployment = deployListenerTo("NextResponseGiven");
        try {
            scenario.at("2026-06-01T10:00:00-04:00"); // Monday
            var key = scenario.submit("AD_SERVING", false);
            scenario.askAndAnswer(key, "Which placements?", "2026-06-01T11:00:00-04:00", "5512");

            scenario.complete(
                    key,
                    "Task_DiagnoseIssue",
                    Map.of("diagnosisOutcome", "RESOLVED", "resolutionSummary", "Cache flushed"));

            assertThat(listenersStarted()).isZero();
            assertThat(scenario.status(key)).isEqualTo(TicketStatus.CLOSED);
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    /** A process owner's model that starts on that message and would close whatever ticket it ran for. */
    private String deployListenerTo(String message) {
        var model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  id="Definitions_Listen" targetNamespace="http://clientservices.com/desk">
                  <bpmn:message id="Message_Listened" name="%s" />
                  <bpmn:process id="desk-listener" name="Listener" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Event_Listened"><bpmn:messageEventDefinition messageRef="Message_Listened" /></bpmn:startEvent>
                    <bpmn:sequenceFlow id="Flow_Close" sourceRef="Event_Listened" targetRef="Task_Close" />
                    <bpmn:serviceTask id="Task_Close" name="Close the ticket"
                                      camunda:expression="${ticketStatus.change(execution, 'CLOSED')}" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(message);
        var deployed = deploy("process-owner", "listener.bpmn", model);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        return deployed.json().path("id").asText();
    }

    private long listenersStarted() {
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("desk-listener")
                .count();
    }

    @Test
    void changingOneRowOfTheRoutingTableRoutesARequestTypeToAnotherTeam() throws IOException {
        var changed = Files.readString(Paths.get(ROUTING))
                .replace(
                        "<outputEntry id=\"Rule_AdServing_Route\"><text>\"client-services\"</text></outputEntry>",
                        "<outputEntry id=\"Rule_AdServing_Route\"><text>\"ad-quality\"</text></outputEntry>");
        assertThat(changed).contains("<outputEntry id=\"Rule_AdServing_Route\"><text>\"ad-quality\"");
        assertThat(deploy("process-owner", ROUTING, changed).status()).isEqualTo(200);

        var key = scenario.submit("AD_SERVING", false);

        assertThat(scenario.ticket(key).team()).isEqualTo("ad-quality");
        assertThat(scenario.task(key, "Task_AcknowledgeTicket")).isNotNull();
        assertThat(http.get("aq-agent", "/engine-rest/task?processInstanceBusinessKey=" + key)
                        .json())
                .hasSize(1);
        assertThat(http.get("cs-agent", "/engine-rest/task?processInstanceBusinessKey=" + key)
                        .json())
                .isEmpty();
        assertThat(http.get("spoc-acme", "/api/request-types").body())
                .contains(
                        "{\"code\":\"AD_SERVING\",\"label\":\"Observed ad serving issues\","
                                + "\"example\":\"Placements start showing blanks without apparent cause\",\"route\":\"ad-quality\"");
    }

    @Test
    void aTransactionReadsOneVersionOfTheRoutingTableAndTheNextOneReadsTheNewest() throws IOException {
        var changed = Files.readString(Paths.get(ROUTING))
                .replace(
                        "<outputEntry id=\"Rule_AdServing_Route\"><text>\"client-services\"</text></outputEntry>",
                        "<outputEntry id=\"Rule_AdServing_Route\"><text>\"ad-quality\"</text></outputEntry>");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(route("AD_SERVING")).isEqualTo("client-services");
            assertThat(deploy("process-owner", ROUTING, changed).status()).isEqualTo(200);
            assertThat(route("AD_SERVING"))
                    .as("the table this transaction began with")
                    .isEqualTo("client-services");
        });
        assertThat(route("AD_SERVING")).isEqualTo("ad-quality");
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> assertThat(route("AD_SERVING")).isEqualTo("ad-quality"));
    }

    private String route(String code) {
        return catalogue.find(code).map(RequestType::route).orElseThrow();
    }

    private Date warningDue(String key) {
        return scenario.timers(key).stream()
                .map(Job::getDuedate)
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }

    private DeskHttpClient.Response deploy(String user, String file, String content) {
        return http.upload(
                user,
                "/engine-rest/deployment/create",
                Paths.get(file).getFileName().toString(),
                content);
    }
}
