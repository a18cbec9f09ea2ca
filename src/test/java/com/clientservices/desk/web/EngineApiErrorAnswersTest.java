package com.clientservices.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskHttpClient.Response;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.WebappBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * No answer carries an exception class, a stack trace or an internal message, the engine REST API
 * included (docs/specification.md §8): every error of /engine-rest and of the webapps' /camunda/api is
 * application/problem+json with type, title, status and detail (and message, the same text, which
 * Tasklist and Camunda Modeler show). A 4xx keeps the engine's words without Java names; a
 * deployment's parse errors keep their details for Camunda Modeler; a 5xx gives an error id to
 * quote, the exception in the log under it.
 */
@DeskTest
@ExtendWith(OutputCaptureExtension.class)
class EngineApiErrorAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Java class name, qualified (org.camunda.…, java.lang.…) or an exception's simple name. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(?:org|java|javax|jakarta|com)\\.[a-z]+\\.|[A-Z][A-Za-z]*(?:Exception|Error)\\b|ENGINE-\\d{5}|\\tat ");

    @Autowired
    TaskService tasks;

    @Autowired
    DeskHttpClient http;

    @Test
    void anUnknownTaskIs404InTheEnginesWords() {
        var answer = http.get("cs-agent", "/engine-rest/task/no-such-task");

        var problem = assertProblem(answer, 404);
        assertThat(problem.path("detail").asText()).isEqualTo("No matching task with id no-such-task");
    }

    @Test
    void aBadQueryParameterKeepsTheEnginesMessageWithoutTheJavaTypeBehindIt() {
        var answer = http.get("auditor", "/engine-rest/history/task?taskDueDate=not-a-date");

        var problem = assertProblem(answer, 400);
        assertThat(problem.path("detail").asText())
                .contains("taskDueDate")
                .contains("not-a-date")
                .doesNotContain("java.util");
    }

    @Test
    void aMissingPermissionIs403InWordsWithoutTheExceptionType() {
        var key = Tickets.submit(http, "Engine errors: another team's task");
        var task = tasks.createTaskQuery()
                .processInstanceBusinessKey(key)
                .singleResult()
                .getId();

        var answer = http.post("aq-agent", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"aq-agent\"}");

        var problem = assertProblem(answer, 403);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("AuthorizationException");
    }

    @Test
    void bodyThatIsNotJsonAndAnAddressNobodyServesAreProblemsToo() {
        assertProblem(http.post("cs-agent", "/engine-rest/task", "{not json"), 400);
        assertProblem(http.get("cs-agent", "/engine-rest/no-such-resource"), 404);
        assertProblem(http.send("cs-agent", "DELETE", "/engine-rest/task", null), 405);
    }

    @Test
    void anUnforeseenEngineFailureGivesAnErrorIdAndKeepsTheExceptionInTheLog(CapturedOutput log) {
        // The engine fails on a list as a query value with a bare ProcessEngineException: a 500.
        var answer = http.post(
                "auditor",
                "/engine-rest/variable-instance",
                "{\"variableValues\":[{\"name\":\"a\",\"operator\":\"eq\",\"value\":[1,2]}]}");

        var problem = assertProblem(answer, 500);
        var detail = problem.path("detail").asText();
        assertThat(detail)
                .matches("The desk could not complete this request\\. .* quote error [0-9a-f]{8} to support\\.");
        assertThat(answer.body()).doesNotContain("Object values", "query");
        var id = detail.replaceAll(".*quote error ([0-9a-f]{8}).*", "$1");
        assertThat(log.getOut())
                .contains("Error " + id + " answering POST /engine-rest/variable-instance")
                .contains("ProcessEngineException: Object values cannot be used to query");
    }

    @Test
    void aModelThatDoesNotParseKeepsItsDetailsForCamundaModeler() {
        var model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="engine-errors">
                  <process id="engine-errors-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="Event_Start" />
                    <sequenceFlow id="Flow_Nowhere" sourceRef="Event_Start" targetRef="Task_Missing" />
                  </process>
                </definitions>
                """;

        var answer = http.upload("process-owner", "/engine-rest/deployment/create", "engine-errors-probe.bpmn", model);

        var problem = assertProblem(answer, 400);
        var errors = problem.path("details").path("engine-errors-probe.bpmn").path("errors");
        assertThat(errors.isArray()).as(answer.body()).isTrue();
        assertThat(answer.body()).contains("Flow_Nowhere").contains("Task_Missing");
        assertThat(errors.findValuesAsText("mainElementId")).contains("Flow_Nowhere");
    }

    @Test
    void theWebappsEngineApiAnswersAlike() {
        assertProblem(
                Response.of(http.exchange(http.request(null, "/camunda/api/engine/engine/default/task")
                        .GET())),
                401);

        var browser = new WebappBrowser(http.port());
        assertThat(browser.signIn("cs-agent", "demo", "tasklist").statusCode()).isEqualTo(200);
        var missing = browser.send(
                "POST",
                "/camunda/api/engine/engine/default/task/no-such-task/claim",
                "{\"userId\":\"cs-agent\"}",
                Map.of());
        var problem = assertProblem(
                new Response(
                        missing.statusCode(),
                        missing.body(),
                        missing.headers().firstValue("Content-Type").orElse(""),
                        null),
                404);
        assertThat(problem.path("message").asText()).contains("no longer exists");
    }

    // ---------------------------------------------------------------------------------------------

    private static JsonNode assertProblem(Response answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isNotBlank().doesNotEndWith("Exception");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("message").asText())
                .isEqualTo(problem.path("detail").asText());
        assertThat(JAVA_NAME.matcher(answer.body()).find())
                .as("a Java name in " + answer.body())
                .isFalse();
        return problem;
    }
}
