package com.clientservices.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.ProbeModel;
import com.clientservices.desk.Tickets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Auditors read everything and change nothing (docs/specification.md §8): every write they try is refused. */
@DeskTest
class AuditorIsReadOnlyTest {

    @Autowired
    DeskHttpClient http;

    String key;
    String taskId;
    String processInstanceId;
    String deploymentId;

    private static final String MINIMAL_PROCESS = ProbeModel.of("intruder", "intrusion");

    @BeforeEach
    void openTicket() {
        key = Tickets.submit(http, "Audit me");
        var task = http.get("cs-agent", "/engine-rest/task?processInstanceBusinessKey=" + key)
                .json()
                .get(0);
        taskId = task.get("id").asText();
        processInstanceId = task.get("processInstanceId").asText();
        deploymentId = http.get("demo", "/engine-rest/process-definition/key/support-request")
                .json()
                .get("deploymentId")
                .asText();
    }

    @Test
    void auditorReadsTasksHistoryTicketsAndReports() {
        assertThat(http.get("auditor", "/engine-rest/task?processInstanceBusinessKey=" + key)
                        .json())
                .hasSize(1);
        assertThat(http.get("auditor", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key)
                        .json())
                .isNotEmpty();
        assertThat(http.get("auditor", "/engine-rest/process-instance/" + processInstanceId)
                        .status())
                .isEqualTo(200);
        assertThat(http.get("auditor", "/api/tickets/" + key).status()).isEqualTo(200);
        assertThat(http.get("auditor", "/api/tickets/" + key + "/history").status())
                .isEqualTo(200);
        assertThat(http.get("auditor", "/api/reports/sla").status()).isEqualTo(200);
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                write("start a process", "POST", "/engine-rest/process-definition/key/support-request/start", "{}"),
                write("claim a task", "POST", "/engine-rest/task/{task}/claim", "{\"userId\":\"auditor\"}"),
                write("complete a task", "POST", "/engine-rest/task/{task}/complete", "{\"variables\":{}}"),
                write("assign a task", "POST", "/engine-rest/task/{task}/assignee", "{\"userId\":\"cs-agent\"}"),
                write("change a task", "PUT", "/engine-rest/task/{task}", "{\"name\":\"renamed\",\"priority\":1}"),
                write(
                        "comment on a task",
                        "POST",
                        "/engine-rest/task/{task}/comment/create",
                        "{\"message\":\"audited\"}"),
                write("attach a file to a task", "ATTACH", "/engine-rest/task/{task}/attachment/create", "audit notes"),
                write(
                        "set a task variable",
                        "PUT",
                        "/engine-rest/task/{task}/variables/note",
                        "{\"value\":\"x\",\"type\":\"String\"}"),
                write("delete a deployment", "DELETE", "/engine-rest/deployment/{deployment}?cascade=true", null),
                write(
                        "move a process to another step",
                        "POST",
                        "/engine-rest/process-instance/{instance}/modification",
                        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_DiagnoseIssue\"}]}"),
                write(
                        "set a process variable",
                        "PUT",
                        "/engine-rest/process-instance/{instance}/variables/subject",
                        "{\"value\":\"changed\",\"type\":\"String\"}"),
                write(
                        "remove a process variable",
                        "DELETE",
                        "/engine-rest/process-instance/{instance}/variables/subject",
                        null),
                write(
                        "suspend a process",
                        "PUT",
                        "/engine-rest/process-instance/{instance}/suspended",
                        "{\"suspended\":true}"),
                write("cancel a process", "DELETE", "/engine-rest/process-instance/{instance}", null),
                write("deploy a model", "UPLOAD", "/engine-rest/deployment/create", MINIMAL_PROCESS),
                write(
                        "evaluate a decision",
                        "POST",
                        "/engine-rest/decision-definition/key/request-routing/evaluate",
                        "{\"variables\":{\"requestType\":{\"value\":\"AD_SERVING\"}}}"),
                write(
                        "create a user",
                        "POST",
                        "/engine-rest/user/create",
                        "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}"),
                write("create a group", "POST", "/engine-rest/group/create", "{\"id\":\"intruders\",\"name\":\"x\"}"),
                write(
                        "grant an authorization",
                        "POST",
                        "/engine-rest/authorization/create",
                        "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"auditor\",\"resourceType\":0,\"resourceId\":\"*\"}"),
                write(
                        "create a filter",
                        "POST",
                        "/engine-rest/filter/create",
                        "{\"resourceType\":\"Task\",\"name\":\"mine\",\"query\":{}}"),
                write("delete history", "DELETE", "/engine-rest/history/process-instance/{instance}", null),
                write("submit a ticket", "POST", "/api/tickets", Tickets.valid("s")),
                write("reply as the customer", "POST", "/api/tickets/{key}/replies", "{\"message\":\"hi\"}"),
                write(
                        "release an engineering fix",
                        "POST",
                        "/api/tickets/{key}/engineering-fix",
                        "{\"bugId\":\"ENG-1\"}"));
    }

    @ParameterizedTest(name = "auditor may not {0}")
    @MethodSource("writes")
    void everyWriteIsRefused(String what, String method, String path, String body) {
        var target = path.replace("{task}", taskId)
                .replace("{instance}", processInstanceId)
                .replace("{key}", key);
        var response = "UPLOAD".equals(method)
                ? http.upload("auditor", target, "intruder.bpmn", body)
                : "ATTACH".equals(method)
                        ? http.send("auditor", "POST", target, attachment(body), "multipart/form-data; boundary=audit")
                        : http.send(
                                "auditor",
                                method,
                                target.replace("{deployment}", deploymentId),
                                body == null ? null : body.replace("{key}", key));

        assertThat(response.status()).as("%s: %s", what, response.body()).isEqualTo(403);
        var task = http.get("cs-agent", "/engine-rest/task/" + taskId).json();
        assertThat(task.get("name").asText()).as("the task is unchanged").contains("Acknowledge ticket");
        assertThat(task.get("assignee").isNull()).isTrue();
        assertThat(http.get("spoc-acme", "/api/tickets/" + key)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("NEW");
        assertThat(http.get("demo", "/engine-rest/user?id=intruder").json()).isEmpty();
        assertThat(http.get("demo", "/engine-rest/process-definition?key=intruder")
                        .json())
                .isEmpty();
        assertThat(http.get("demo", "/engine-rest/deployment/" + deploymentId).status())
                .isEqualTo(200);
        assertThat(http.get("demo", "/engine-rest/process-instance/" + processInstanceId)
                        .status())
                .isEqualTo(200);
        assertThat(http.get("demo", "/engine-rest/task/" + taskId + "/comment").json())
                .as("no comment")
                .isEmpty();
        assertThat(http.get("demo", "/engine-rest/task/" + taskId + "/attachment")
                        .json())
                .as("no attachment")
                .isEmpty();
    }

    private static String attachment(String content) {
        return "--audit\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\nnotes\r\n"
                + "--audit\r\nContent-Disposition: form-data; name=\"content\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + content + "\r\n--audit--\r\n";
    }

    private static Arguments write(String what, String method, String path, String body) {
        return Arguments.of(what, method, path, body);
    }
}
