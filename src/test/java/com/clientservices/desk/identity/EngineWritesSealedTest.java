package com.clientservices.desk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a signed-in agent, auditor or agent of another team can send to the engine REST API beyond
 * working a task through its form is refused with 403 (or, for another team's files, answered as
 * not there) and changes nothing: not the ticket, its process, variables, tasks, timers, comments
 * or attachments (docs/specification.md §8). The attacks come from a tester who closed another member's ticket by
 * rewriting {@code ticketKey}, ended a ticket's process with a BPMN error, sank an emergency with a
 * new due date, and had the read-only auditor write comments; each with its variants.
 */
@DeskTest
class EngineWritesSealedTest {

    private static final String BOUNDARY = "----engine-sealed";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    IdentityService identity;

    @Autowired
    DeskHttpClient http;

    /** A fresh Client Services ticket of spoc-acme at its acknowledgement, with a comment and a file on its task. */
    String key;

    String taskId;
    String requestInstance;
    String lifecycleInstance;
    String timerJob;
    String attachmentId;
    String commentId;
    /** Another member's ticket of another team, which nothing here may touch. */
    String victimKey;

    @BeforeEach
    void openTickets() {
        victimKey = submit("spoc-globex", 1002, "CREATIVE_AUDITING");
        key = submit("spoc-acme", 1001, "AD_SERVING");
        var task = tasks.createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskDefinitionKey("Task_AcknowledgeTicket")
                .singleResult();
        taskId = task.getId();
        lifecycleInstance = task.getProcessInstanceId();
        requestInstance = runtime.createProcessInstanceQuery()
                .subProcessInstanceId(lifecycleInstance)
                .singleResult()
                .getId();
        timerJob = management
                .createJobQuery()
                .processInstanceId(lifecycleInstance)
                .timers()
                .list()
                .get(0)
                .getId();
        // The team's own note and file, made as the agent would in Tasklist.
        identity.setAuthentication("cs-agent", List.of("client-services"));
        try {
            commentId =
                    tasks.createComment(taskId, null, "Calling the customer").getId();
            attachmentId = tasks.createAttachment(
                            "text/plain",
                            taskId,
                            null,
                            "Call notes",
                            null,
                            new ByteArrayInputStream("Customer confirmed the blanks".getBytes(StandardCharsets.UTF_8)))
                    .getId();
        } finally {
            identity.clearAuthentication();
        }
    }

    static Stream<Arguments> refusedWrites() {
        return Stream.of(
                // Rewriting what the desk once read a ticket's identity, team or clock from
                refused(
                        "cs-agent",
                        "points its task at another member's ticket",
                        "POST",
                        "/engine-rest/task/{task}/variables",
                        "{\"modifications\":{\"ticketKey\":{\"value\":\"{victim}\"},\"ticketId\":{\"value\":{victimId},\"type\":\"Long\"}}}"),
                refused(
                        "cs-agent",
                        "moves the ticket to a made-up team",
                        "PUT",
                        "/engine-rest/task/{task}/variables/team",
                        "{\"value\":\"nobody\",\"type\":\"String\"}"),
                refused(
                        "cs-agent",
                        "pushes the acknowledgement due time out",
                        "POST",
                        "/engine-rest/task/{task}/localVariables",
                        "{\"modifications\":{\"acknowledgeBy\":{\"value\":\"2099-01-01T09:00:00-05:00\"}}}"),
                refused(
                        "cs-agent",
                        "removes the ticket id",
                        "DELETE",
                        "/engine-rest/task/{task}/variables/ticketId",
                        null),
                refused(
                        "cs-agent",
                        "rewrites the process's ticket id",
                        "POST",
                        "/engine-rest/process-instance/{lifecycle}/variables",
                        "{\"modifications\":{\"ticketId\":{\"value\":{victimId},\"type\":\"Long\"}}}"),
                refused(
                        "cs-agent",
                        "rewrites the team on the execution",
                        "PUT",
                        "/engine-rest/execution/{lifecycle}/localVariables/team",
                        "{\"value\":\"nobody\",\"type\":\"String\"}"),
                refused(
                        "cs-agent",
                        "completes with another ticket's id",
                        "POST",
                        "/engine-rest/task/{task}/complete",
                        "{\"variables\":{\"ticketId\":{\"value\":{victimId},\"type\":\"Long\"}}}"),
                refused(
                        "cs-agent",
                        "submits the form with a team of its own",
                        "POST",
                        "/engine-rest/task/{task}/submit-form",
                        "{\"variables\":{\"acknowledgementNote\":{\"value\":\"ok\"},\"team\":{\"value\":\"nobody\"}}}"),
                refused(
                        "cs-agent",
                        "changes a field its form shows read-only",
                        "POST",
                        "/engine-rest/task/{task}/complete",
                        "{\"variables\":{\"subject\":{\"value\":\"Nothing to see\"}}}"),
                refused(
                        "cs-agent",
                        "shadows a desk bean with a variable",
                        "POST",
                        "/engine-rest/task/{task}/complete",
                        "{\"variables\":{\"slaClock\":{\"value\":\"off\"}}}"),
                // Ending or stalling the ticket's process outside its model
                refused(
                        "cs-agent",
                        "ends the process with a BPMN error",
                        "POST",
                        "/engine-rest/task/{task}/bpmnError",
                        "{\"errorCode\":\"anything\",\"errorMessage\":\"gone\"}"),
                refused(
                        "cs-agent",
                        "throws an escalation from the task",
                        "POST",
                        "/engine-rest/task/{task}/bpmnEscalation",
                        "{\"escalationCode\":\"anything\"}"),
                refused("cs-agent", "deletes the task", "DELETE", "/engine-rest/task/{task}", null),
                refused(
                        "cs-agent",
                        "cancels the ticket's process",
                        "DELETE",
                        "/engine-rest/process-instance/{request}",
                        null),
                refused(
                        "cs-agent",
                        "moves the process past the acknowledgement",
                        "POST",
                        "/engine-rest/process-instance/{lifecycle}/modification",
                        "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_AcknowledgeTicket\"}]}"),
                refused(
                        "cs-agent",
                        "suspends the ticket's process",
                        "PUT",
                        "/engine-rest/process-instance/{lifecycle}/suspended",
                        "{\"suspended\":true}"),
                refused(
                        "cs-agent",
                        "postpones an SLA timer",
                        "PUT",
                        "/engine-rest/job/{job}/duedate",
                        "{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}"),
                refused("cs-agent", "fires an SLA timer now", "POST", "/engine-rest/job/{job}/execute", null),
                refused(
                        "cs-agent",
                        "takes an SLA timer's retries away",
                        "PUT",
                        "/engine-rest/job/{job}/retries",
                        "{\"retries\":0}"),
                // Task properties the queue is ordered and routed by
                refused(
                        "cs-agent",
                        "renames, deprioritises and postpones the task",
                        "PUT",
                        "/engine-rest/task/{task}",
                        "{\"name\":\"Later\",\"priority\":0,\"due\":\"2099-01-01T00:00:00.000+0000\"}"),
                refused(
                        "cs-agent",
                        "adds a candidate group",
                        "POST",
                        "/engine-rest/task/{task}/identity-links",
                        "{\"groupId\":\"ad-quality\",\"type\":\"candidate\"}"),
                refused(
                        "cs-agent",
                        "removes its team as candidate group",
                        "POST",
                        "/engine-rest/task/{task}/identity-links/delete",
                        "{\"groupId\":\"client-services\",\"type\":\"candidate\"}"),
                refused(
                        "cs-agent",
                        "assigns the task to someone else",
                        "POST",
                        "/engine-rest/task/{task}/assignee",
                        "{\"userId\":\"aq-agent\"}"),
                refused(
                        "cs-agent",
                        "delegates the task",
                        "POST",
                        "/engine-rest/task/{task}/delegate",
                        "{\"userId\":\"cs-manager\"}"),
                refused(
                        "cs-agent",
                        "claims the task for someone else",
                        "POST",
                        "/engine-rest/task/{task}/claim",
                        "{\"userId\":\"cs-manager\"}"),
                // Comments and engine attachments
                refused(
                        "cs-agent",
                        "deletes a comment of the record",
                        "DELETE",
                        "/engine-rest/task/{task}/comment/{comment}",
                        null),
                refused(
                        "cs-agent",
                        "rewrites a comment of the record",
                        "PUT",
                        "/engine-rest/task/{task}/comment",
                        "{\"id\":\"{comment}\",\"message\":\"never said\"}"),
                refused(
                        "auditor",
                        "comments on a task",
                        "POST",
                        "/engine-rest/task/{task}/comment/create",
                        "{\"message\":\"audited\"}"),
                refused(
                        "auditor",
                        "attaches a file to a task",
                        "ATTACH",
                        "/engine-rest/task/{task}/attachment/create",
                        null),
                refused(
                        "auditor",
                        "deletes a task's attachment",
                        "DELETE",
                        "/engine-rest/task/{task}/attachment/{attachment}",
                        null),
                // The engine API does not tell another team that the task exists: "No task found" (400).
                refused(
                        "aq-agent",
                        "comments on another team's task",
                        "POST",
                        "/engine-rest/task/{task}/comment/create",
                        "{\"message\":\"not my team\"}",
                        400),
                refused(
                        "aq-agent",
                        "attaches a file to another team's task",
                        "ATTACH",
                        "/engine-rest/task/{task}/attachment/create",
                        null,
                        400),
                refused(
                        "aq-agent",
                        "deletes another team's attachment",
                        "DELETE",
                        "/engine-rest/task/{task}/attachment/{attachment}",
                        null),
                refused(
                        "process-owner",
                        "comments on a task",
                        "POST",
                        "/engine-rest/task/{task}/comment/create",
                        "{\"message\":\"x\"}"),
                refused(
                        "account-rep",
                        "attaches a file to a task",
                        "ATTACH",
                        "/engine-rest/task/{task}/attachment/create",
                        null,
                        400),
                refused("auditor", "fires an SLA timer now", "POST", "/engine-rest/job/{job}/execute", null),
                refused(
                        "cs-manager",
                        "resolves a task nobody delegated",
                        "POST",
                        "/engine-rest/task/{task}/resolve",
                        "{}"),
                // Who did what: names stand on every timeline and message, read when shown
                refused(
                        "cs-agent",
                        "renames themself after the fact",
                        "PUT",
                        "/engine-rest/user/cs-agent/profile",
                        "{\"id\":\"cs-agent\",\"firstName\":\"Casey\",\"lastName\":\"Manager\","
                                + "\"email\":\"cs-agent@desk.example\"}"),
                refused(
                        "auditor",
                        "changes their e-mail address",
                        "PUT",
                        "/engine-rest/user/auditor/profile",
                        "{\"id\":\"auditor\",\"firstName\":\"Audrey\",\"lastName\":\"Auditor\","
                                + "\"email\":\"elsewhere@example.com\"}"),
                refused("cs-agent", "deletes their own account", "DELETE", "/engine-rest/user/cs-agent", null),
                // The models the tickets ran stay with them
                refused(
                        "process-owner",
                        "deletes the deployment the ticket runs on, with its processes",
                        "DELETE",
                        "/engine-rest/deployment/{deployment}?cascade=true",
                        null));
    }

    @ParameterizedTest(name = "{0} who {1} is refused ({5}) and nothing changes")
    @MethodSource("refusedWrites")
    void refusedWriteChangesNothing(String user, String what, String method, String path, String body, int status) {
        var before = state();

        var response = call(user, method, path, body);

        assertThat(response.status())
                .as("%s %s: %s", method, path, response.body())
                .isEqualTo(status);
        assertThat(state())
                .as("nothing changed after %s %s (%s)", method, path, response.body())
                .isEqualTo(before);
    }

    static Stream<Arguments> hiddenReads() {
        return Stream.of(
                Arguments.of("aq-agent", "/engine-rest/task/{task}/attachment/{attachment}"),
                Arguments.of("aq-agent", "/engine-rest/task/{task}/attachment/{attachment}/data"),
                Arguments.of("aq-agent", "/engine-rest/task/{task}/attachment"),
                Arguments.of("aq-agent", "/engine-rest/task/{task}/comment"),
                Arguments.of("account-rep", "/engine-rest/task/{task}/attachment/{attachment}/data"));
    }

    @ParameterizedTest(name = "{0} does not see {1}")
    @MethodSource("hiddenReads")
    void anotherTeamsFilesAndCommentsStayUnseen(String user, String path) {
        var response = http.get(user, resolve(path));

        if (response.status() == 200) {
            assertThat(response.body())
                    .as(path)
                    .doesNotContain(attachmentId)
                    .doesNotContain(commentId)
                    .doesNotContain("Call notes")
                    .doesNotContain("Calling the customer");
        } else {
            assertThat(response.status()).as("%s: %s", path, response.body()).isEqualTo(404);
        }
    }

    @Test
    void theTeamStillWorksItsTaskThroughTheEngineApi() {
        assertThat(http.get("cs-agent", resolve("/engine-rest/task/{task}/attachment/{attachment}"))
                        .status())
                .isEqualTo(200);
        assertThat(http.get("cs-agent", resolve("/engine-rest/task/{task}/comment"))
                        .body())
                .contains("Calling the customer");
        assertThat(http.post(
                                "cs-agent",
                                resolve("/engine-rest/task/{task}/comment/create"),
                                "{\"message\":\"Left a voicemail\"}")
                        .status())
                .as("an agent comments on the team's task")
                .isEqualTo(200);
        assertThat(http.get("auditor", resolve("/engine-rest/task/{task}/attachment/{attachment}"))
                        .status())
                .as("auditors read everything")
                .isEqualTo(200);
        assertThat(http.post("cs-agent", resolve("/engine-rest/task/{task}/claim"), "{\"userId\":\"cs-agent\"}")
                        .status())
                .isEqualTo(204);
        assertThat(http.post("cs-agent", resolve("/engine-rest/task/{task}/unclaim"), "")
                        .status())
                .as("an agent gives back a task they hold")
                .isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                .isNull();
        assertThat(http.post("cs-agent", resolve("/engine-rest/task/{task}/claim"), "{\"userId\":\"cs-agent\"}")
                        .status())
                .isEqualTo(204);
        assertThat(http.post("cs-manager", resolve("/engine-rest/task/{task}/unclaim"), "")
                        .status())
                .as("but not a task someone else holds")
                .isEqualTo(403);
        var completed = http.post(
                "cs-agent",
                resolve("/engine-rest/task/{task}/submit-form"),
                "{\"variables\":{\"acknowledgementNote\":{\"value\":\"On it\"}}}");
        assertThat(completed.status())
                .as("the form's fields: " + completed.body())
                .isEqualTo(204);
        assertThat(status(key)).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void aTaskDelegatedToAnAgentIsResolvedByThatAgentOnly() {
        tasks.delegateTask(taskId, "cs-agent");

        for (var path : List.of("/engine-rest/task/{task}/resolve", "/engine-rest/task/{task}/submit-form")) {
            var taken = http.post("cs-manager", resolve(path), "{}");
            assertThat(taken.status()).as("%s: %s", path, taken.body()).isEqualTo(403);
        }

        var task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task.getAssignee()).isEqualTo("cs-agent");
        assertThat(task.getDelegationState()).isEqualTo(DelegationState.PENDING);
        assertThat(http.post("cs-agent", resolve("/engine-rest/task/{task}/resolve"), "{}")
                        .status())
                .as("the agent it was delegated to")
                .isEqualTo(204);
    }

    @Test
    void aUserChangesTheirOwnPasswordButNotTheNameTheTicketsShow() {
        var id = "password-changer";
        var user = identity.newUser(id);
        user.setFirstName("Pat");
        user.setLastName("Changer");
        user.setEmail(id + "@desk.example");
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(id, "client-services");
        try {
            var renamed = http.send(
                    id,
                    "PUT",
                    "/engine-rest/user/" + id + "/profile",
                    "{\"id\":\"" + id + "\",\"firstName\":\"Casey\",\"lastName\":\"Manager\",\"email\":\"" + id
                            + "@desk.example\"}");
            assertThat(renamed.status()).as(renamed.body()).isEqualTo(403);

            var changed = http.send(
                    id,
                    "PUT",
                    "/engine-rest/user/" + id + "/credentials",
                    "{\"password\":\"Another-Pass-42\",\"authenticatedUserPassword\":\"demo\"}");

            assertThat(changed.status()).as(changed.body()).isEqualTo(204);
            assertThat(identity.checkPassword(id, "Another-Pass-42")).isTrue();
            var kept = identity.createUserQuery().userId(id).singleResult();
            assertThat(kept.getFirstName() + " " + kept.getLastName()).isEqualTo("Pat Changer");
        } finally {
            identity.deleteUser(id);
        }
    }

    @Test
    void aTicketIsKnownByItsBusinessKeyNotByAVariable() {
        // Even where an administrator rewrote the variables the desk once trusted, the agent's work
        // lands on the ticket the process belongs to, and the other ticket stays as it was.
        var victimId = Long.parseLong(victimKey.substring(3));
        runtime.setVariable(lifecycleInstance, "ticketId", victimId);
        runtime.setVariable(lifecycleInstance, "ticketKey", victimKey);
        var victimBefore = ticketRow(victimKey);

        Tickets.closed(http, key, "Creatives re-approved");

        assertThat(status(key)).isEqualTo("CLOSED");
        assertThat(ticketRow(victimKey)).isEqualTo(victimBefore);
        assertThat(jdbc.sql("select count(*) from notification where ticket_id = :id and kind = 'resolution'")
                        .param("id", victimId)
                        .query(Long.class)
                        .single())
                .as("the other customer was told nothing")
                .isZero();
    }

    // ---------------------------------------------------------------------------------------------

    private static Arguments refused(String user, String what, String method, String path, String body) {
        return refused(user, what, method, path, body, 403);
    }

    private static Arguments refused(String user, String what, String method, String path, String body, int status) {
        return Arguments.of(user, what, method, path, body, status);
    }

    private DeskHttpClient.Response call(String user, String method, String path, String body) {
        if ("ATTACH".equals(method)) {
            return http.send(
                    user,
                    "POST",
                    resolve(path),
                    attachmentForm("Planted"),
                    "multipart/form-data; boundary=" + BOUNDARY);
        }
        return http.send(user, method, resolve(path), body == null ? null : resolve(body));
    }

    private String resolve(String text) {
        return text.replace("{task}", taskId)
                .replace("{request}", requestInstance)
                .replace("{lifecycle}", lifecycleInstance)
                .replace("{job}", timerJob)
                .replace("{attachment}", attachmentId)
                .replace("{comment}", commentId)
                .replace(
                        "{deployment}",
                        repository
                                .getProcessDefinition(runtime.createProcessInstanceQuery()
                                        .processInstanceId(lifecycleInstance)
                                        .singleResult()
                                        .getProcessDefinitionId())
                                .getDeploymentId())
                .replace("{victimId}", victimKey.substring(3))
                .replace("{victim}", victimKey);
    }

    private static String attachmentForm(String name) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\n" + name + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"attachment-type\"\r\n\r\ntext/plain\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nCustomer confirmed the blanks\r\n--" + BOUNDARY + "--\r\n";
    }

    private String submit(String contact, long member, String requestType) {
        return Tickets.submit(http, contact, member, requestType, "Sealed engine: " + requestType);
    }

    private String status(String ticketKey) {
        return jdbc.sql("select status from ticket where id = :id")
                .param("id", Long.parseLong(ticketKey.substring(3)))
                .query(String.class)
                .single();
    }

    private String ticketRow(String ticketKey) {
        return jdbc.sql("select status, team, acknowledge_by, updated_at from ticket where id = :id")
                .param("id", Long.parseLong(ticketKey.substring(3)))
                .query((rs, row) ->
                        rs.getString(1) + " " + rs.getString(2) + " " + rs.getObject(3) + " " + rs.getObject(4))
                .single();
    }

    /** Everything a refused write could have changed, for both tickets, in the desk and in the engine. */
    private Map<String, Object> state() {
        var state = new TreeMap<String, Object>();
        state.put("ticket", ticketRow(key));
        state.put("victim", ticketRow(victimKey));
        for (var table : List.of(
                "ticket_event",
                "ticket_attachment",
                "notification",
                "act_hi_comment",
                "act_hi_attachment",
                "act_ru_variable",
                "act_ru_identitylink")) {
            state.put(
                    table,
                    jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        state.put("processes", runtime.createProcessInstanceQuery().active().count());
        state.put(
                "ended processes",
                history.createHistoricProcessInstanceQuery().finished().count());
        state.put("deployments", repository.createDeploymentQuery().count());
        state.put(
                "people",
                identity.createUserQuery().orderByUserId().asc().list().stream()
                        .map(user -> user.getId() + " " + user.getFirstName() + " " + user.getLastName() + " "
                                + user.getEmail())
                        .toList());
        state.put("variables", runtime.getVariables(lifecycleInstance).toString());
        state.put(
                "tasks",
                tasks.createTaskQuery().processInstanceBusinessKey(key).list().stream()
                        .map(task -> String.join(
                                " ",
                                task.getId(),
                                task.getName(),
                                String.valueOf(task.getAssignee()),
                                String.valueOf(task.getDueDate()),
                                String.valueOf(task.getPriority()),
                                tasks.getIdentityLinksForTask(task.getId()).toString()))
                        .toList());
        state.put(
                "jobs",
                management.createJobQuery().processInstanceId(lifecycleInstance).list().stream()
                        .map(job ->
                                job.getId() + " " + job.getDuedate() + " " + job.getRetries() + " " + job.isSuspended())
                        .toList());
        state.put(
                "comments",
                tasks.getTaskComments(taskId).stream()
                        .map(c -> c.getId() + " " + c.getFullMessage())
                        .toList());
        state.put(
                "attachments",
                tasks.getTaskAttachments(taskId).stream()
                        .map(a -> a.getId() + " " + a.getName())
                        .toList());
        return state;
    }
}
