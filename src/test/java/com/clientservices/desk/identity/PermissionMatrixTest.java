package com.clientservices.desk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskState;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.ProbeModel;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.WebappBrowser;
import com.clientservices.desk.lifecycle.Scenario;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may do what: every demo identity of docs/specification.md §8 (and no one signed in) against every call of
 * docs/specification.md §9, the outbox, the desk's pages, the key engine REST permissions and the sign-in to the
 * Camunda webapps, over real HTTP. One test per cell, named by its row, column and expectation.
 */
@DeskTest
class PermissionMatrixTest {

    /*
     * Rows: the call; columns: who makes it. A cell is the answer expected:
     *   an HTTP status: 2xx means allowed (and the write took effect), 401/403/404 refused (and a
     *                   refused write changed nothing: no ticket, record, attachment, process,
     *                   task, deployment or user, no status or assignee moved);
     *   seen / hidden:  200, and whether the answer holds the Client Services ticket under test
     *                   (its ticket, task, process instance or history), or, for the users, another
     *                   person's profile;
     *   login:          sent to the sign-in page (302 to /login).
     * The ticket under test is an AD_SERVING request of spoc-acme (member 1001), routed to
     * client-services; writes get a fresh ticket in the state they need.
     *
     * From docs/specification.md §8/§9: customers only reach their own member's tickets (another member's ticket
     * answers 404, like one that does not exist) and never the engine or the webapps (their webapp
     * sign-in fails exactly like a wrong password, 401); agents reach their own team's tickets and
     * tasks (aq-agent is another team, 403, and the engine does not even show it the task, 404); auditors read everything and change
     * nothing; only SPOCs create tickets, reply and attach; only engineering releases fixes, and it reads the tickets waiting on it; only
     * auditors and managers read SLA reports; process owners deploy. where the specification is silent the
     * desk's behaviour stands: the administrator (demo, camunda-admin, who holds every engine
     * permission and reads all of it in Cockpit) also reads tickets, histories, reports, the outbox
     * and, alone, the inbound mail (§12), but makes none of the desk's customer or engineering writes; account representatives
     * read their customers' tickets; process owners read process history in Cockpit.
     */
    private static final String MATRIX = """
            call                                      | demo   | cs-agent | aq-agent | cs-manager | account-rep | auditor | process-owner | spoc-acme | spoc-globex | engineering-bot | anonymous
            POST /api/tickets                         | 403    | 403      | 403      | 403        | 403         | 403     | 403           | 201       | 403         | 403             | 401
            GET /api/tickets/{key}                    | 200    | 200      | 403      | 200        | 200         | 200     | 403           | 200       | 404         | 403             | 401
            GET /api/tickets?status=NEW               | seen   | seen     | hidden   | seen       | seen        | seen    | hidden        | seen      | hidden      | hidden          | 401
            GET /api/tickets/{key} at engineering     | 200    | 200      | 403      | 200        | 200         | 200     | 403           | 200       | 404         | 200             | 401
            GET /api/tickets?status=WAITING_ON_ENG…   | seen   | seen     | hidden   | seen       | seen        | seen    | hidden        | seen      | hidden      | seen            | 401
            POST /api/tickets/{key}/replies           | 403    | 403      | 403      | 403        | 403         | 403     | 403           | 200       | 404         | 403             | 401
            POST /api/tickets/{key}/attachments       | 403    | 403      | 403      | 403        | 403         | 403     | 403           | 201       | 404         | 403             | 401
            GET /api/tickets/{key}/attachments        | 200    | 200      | 403      | 200        | 200         | 200     | 403           | 200       | 404         | 403             | 401
            POST /api/tickets/{key}/engineering-fix   | 403    | 403      | 403      | 403        | 403         | 403     | 403           | 403       | 403         | 200             | 401
            GET /api/sla/acknowledge-by               | 200    | 200      | 200      | 200        | 200         | 200     | 200           | 200       | 200         | 200             | 401
            GET /api/request-types                    | 200    | 200      | 200      | 200        | 200         | 200     | 200           | 200       | 200         | 200             | 401
            GET /api/tickets/{key}/history            | 200    | 200      | 403      | 200        | 403         | 200     | 403           | 403       | 403         | 403             | 401
            GET /api/reports/sla                      | 200    | 403      | 403      | 200        | 403         | 200     | 403           | 403       | 403         | 403             | 401
            GET /api/outbox                           | 200    | 403      | 403      | 403        | 403         | 200     | 403           | 403       | 403         | 403             | 401
            GET /api/inbound-mail                     | 200    | 403      | 403      | 403        | 403         | 403     | 403           | 403       | 403         | 403             | 401
            GET /engine-rest/task                     | seen   | seen     | hidden   | seen       | hidden      | seen    | hidden        | 403       | 403         | hidden          | 401
            GET /engine-rest/task/{id}                | 200    | 200      | 404      | 200        | 404         | 200     | 404           | 403       | 403         | 404             | 401
            POST /engine-rest/task/{id}/claim         | 204    | 204      | 403      | 204        | 403         | 403     | 403           | 403       | 403         | 403             | 401
            POST /engine-rest/task/{id}/unclaim       | 204    | 204      | 403      | 403        | 403         | 403     | 403           | 403       | 403         | 403             | 401
            POST /engine-rest/task/{id}/variables     | 204    | 403      | 403      | 403        | 403         | 403     | 403           | 403       | 403         | 403             | 401
            PUT /engine-rest/task/{id}                | 204    | 403      | 404      | 403        | 404         | 403     | 404           | 403       | 403         | 404             | 401
            POST /engine-rest/task/{id}/bpmnError     | 204    | 403      | 403      | 403        | 403         | 403     | 403           | 403       | 403         | 403             | 401
            POST /engine-rest/task/{id}/complete +var | 204    | 403      | 403      | 403        | 403         | 403     | 403           | 403       | 403         | 403             | 401
            POST /engine-rest/task/{id}/comment/create| 200    | 200      | 400      | 200        | 400         | 403     | 403           | 403       | 403         | 400             | 401
            PUT /engine-rest/job/{id}/duedate         | 204    | 403      | 403      | 403        | 403         | 403     | 403           | 403       | 403         | 403             | 401
            DELETE /engine-rest/process-instance/{id} | 204    | 403      | 403      | 403        | 403         | 403     | 403           | 403       | 403         | 403             | 401
            POST /engine-rest/deployment/create       | 200    | 403      | 403      | 403        | 403         | 403     | 200           | 403       | 403         | 403             | 401
            GET /engine-rest/process-instance         | seen   | hidden   | hidden   | hidden     | hidden      | seen    | hidden        | 403       | 403         | hidden          | 401
            GET /engine-rest/history/process-instance | seen   | hidden   | hidden   | hidden     | hidden      | seen    | seen          | 403       | 403         | hidden          | 401
            GET /engine-rest/user                     | seen   | hidden   | hidden   | hidden     | hidden      | hidden  | hidden        | 403       | 403         | hidden          | 401
            POST /engine-rest/user/create             | 204    | 403      | 403      | 403        | 403         | 403     | 403           | 403       | 403         | 403             | 401
            GET /portal                               | 403    | 403      | 403      | 403        | 403         | 403     | 403           | 200       | 200         | 403             | login
            GET /audit                                | 200    | 403      | 403      | 200        | 403         | 200     | 403           | 403       | 403         | 403             | login
            GET /audit/tickets/{key}                  | 200    | 403      | 403      | 200        | 403         | 200     | 403           | 403       | 403         | 403             | login
            GET /audit/tickets/{key}/timeline.csv     | 200    | 403      | 403      | 200        | 403         | 200     | 403           | 403       | 403         | 403             | login
            GET /audit/compliance                     | 200    | 403      | 403      | 200        | 403         | 200     | 403           | 403       | 403         | 403             | login
            GET /audit/compliance.csv                 | 200    | 403      | 403      | 200        | 403         | 200     | 403           | 403       | 403         | 403             | login
            GET /audit/compliance.json                | 200    | 403      | 403      | 200        | 403         | 200     | 403           | 403       | 403         | 403             | login
            GET /board                                | 200    | 403      | 403      | 200        | 403         | 200     | 403           | 403       | 403         | 403             | login
            sign in to Tasklist                       | 200    | 200      | 200      | 200        | 200         | 403     | 403           | 401       | 401         | 403             | 401
            sign in to Cockpit                        | 200    | 403      | 403      | 403        | 403         | 200     | 200           | 401       | 401         | 403             | 401
            sign in to Admin                          | 200    | 403      | 403      | 403        | 403         | 403     | 403           | 401       | 401         | 403             | 401
            PUT /api/members/{id}                     | 201    | 403      | 403      | 403        | 403         | 403     | 403           | 403       | 403         | 403             | 401
            GET /api/members                          | 200    | 403      | 403      | 403        | 403         | 403     | 403           | 403       | 403         | 403             | 401
            GET /actuator/prometheus                  | 200    | 403      | 403      | 403        | 403         | 403     | 403           | 403       | 403         | 403             | 401
            GET /actuator/health                      | 200    | 200      | 200      | 200        | 200         | 200     | 200           | 200       | 200         | 200             | 200
            """;

    private static final List<String> ROLES = List.of(
            "demo",
            "cs-agent",
            "aq-agent",
            "cs-manager",
            "account-rep",
            "auditor",
            "process-owner",
            "spoc-acme",
            "spoc-globex",
            "engineering-bot",
            "anonymous");
    private static final String VALID = Tickets.valid("Permission matrix: blank placements");
    private static final String PROBE_PROCESS = "permission-matrix-probe";
    private static final String PROBE_MODEL = ProbeModel.of(PROBE_PROCESS, "permission-matrix");
    private static final String BOUNDARY = "----permission-matrix";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    TaskService tasks;

    @Autowired
    RepositoryService repository;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    @Autowired
    DeskHttpClient http;

    @Autowired
    DeskState.Reader desk;

    @Autowired
    Scenario scenario;

    /** The Client Services ticket the reads look at, and its acknowledgement task. */
    String key;

    /** A Client Services ticket waiting on engineering, which engineering may read (docs/specification.md §5). */
    String atEngineering;

    String taskId;
    private final Map<String, HttpClient> pageSessions = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> everyRoleAgainstEveryCall() {
        key = submit();
        taskId = taskOf(key, "Task_AcknowledgeTicket");
        atEngineering = waitingOnEngineering("ENG-MATRIX-READ");
        var calls = calls();
        var lines = MATRIX.strip().lines().toList();
        var header = columns(lines.get(0));
        assertThat(header.subList(1, header.size()))
                .as("the columns are the roles of docs/specification.md §8")
                .isEqualTo(ROLES);
        var rows = lines.subList(1, lines.size()).stream()
                .map(PermissionMatrixTest::columns)
                .toList();
        assertThat(rows.stream().map(row -> row.get(0)).toList())
                .as("one row per call, in the table and in the test")
                .containsExactlyInAnyOrderElementsOf(calls.keySet());
        return rows.stream().flatMap(row -> {
            assertThat(row).as("a cell for every role: " + row).hasSize(ROLES.size() + 1);
            var call = row.get(0);
            return ROLES.stream().map(role -> {
                var expected = row.get(ROLES.indexOf(role) + 1);
                var cell = call + " | " + role + " -> " + expected;
                return DynamicTest.dynamicTest(cell, () -> {
                    try {
                        var observed = calls.get(call).observe("anonymous".equals(role) ? null : role, expected);
                        assertThat(observed.cell()).as(observed.body()).isEqualTo(expected);
                    } catch (AssertionError e) {
                        // The build's report numbers dynamic tests; the message names the cell.
                        throw new AssertionError(cell + ": " + e.getMessage(), e);
                    }
                });
            });
        });
    }

    private static List<String> columns(String line) {
        return Arrays.stream(line.split("\\|")).map(String::strip).toList();
    }

    /** What a call gave: the cell it fills, and the body to explain a mismatch. */
    record Observed(String cell, String body) {

        static Observed of(DeskHttpClient.Response response) {
            return new Observed(String.valueOf(response.status()), response.body());
        }
    }

    @FunctionalInterface
    interface Call {
        Observed observe(String user, String expected);
    }

    private Map<String, Call> calls() {
        var calls = new LinkedHashMap<String, Call>();
        calls.put("POST /api/tickets", (user, expected) -> {
            var before = ticketCount();
            var response = new DeskHttpClient.Response[1];
            var observed = write(
                    expected,
                    () -> response[0] = http.post(user, "/api/tickets", VALID),
                    () -> ticketCount() == before + 1
                            && response[0].status() == 201
                            && runtime.createProcessInstanceQuery()
                                            .processInstanceBusinessKey(response[0]
                                                    .json()
                                                    .path("key")
                                                    .asText())
                                            .count()
                                    > 0);
            return observed;
        });
        calls.put("GET /api/tickets/{key}", (user, expected) -> Observed.of(http.get(user, "/api/tickets/" + key)));
        calls.put(
                "GET /api/tickets?status=NEW",
                (user, expected) -> visibility(
                        http.get(user, "/api/tickets?status=NEW&size=200"),
                        body -> body.contains("\"key\":\"" + key + "\"")));
        calls.put(
                "GET /api/tickets/{key} at engineering",
                (user, expected) -> Observed.of(http.get(user, "/api/tickets/" + atEngineering)));
        calls.put(
                "GET /api/tickets?status=WAITING_ON_ENG…",
                (user, expected) -> visibility(
                        http.get(user, "/api/tickets?status=WAITING_ON_ENGINEERING&size=200"),
                        body -> body.contains("\"key\":\"" + atEngineering + "\"")));
        calls.put("POST /api/tickets/{key}/replies", (user, expected) -> {
            var waiting = waitingOnCustomer();
            return write(
                    expected,
                    () -> http.post(
                            user,
                            "/api/tickets/" + waiting + "/replies",
                            "{\"message\":\"Firefox 133 and Chrome 131\"}"),
                    () -> "IN_PROGRESS".equals(status(waiting)));
        });
        calls.put("POST /api/tickets/{key}/attachments", (user, expected) -> {
            var fresh = submit();
            return write(
                    expected,
                    () -> http.send(
                            user,
                            "POST",
                            "/api/tickets/" + fresh + "/attachments",
                            textFile("console.log", "GET /ad 500\n"),
                            "multipart/form-data; boundary=" + BOUNDARY),
                    () -> attachments(fresh) == 1);
        });
        calls.put(
                "GET /api/tickets/{key}/attachments",
                (user, expected) -> Observed.of(http.get(user, "/api/tickets/" + key + "/attachments")));
        calls.put("POST /api/tickets/{key}/engineering-fix", (user, expected) -> {
            var bug = "ENG-MATRIX-" + (user == null ? "anonymous" : user);
            var waiting = waitingOnEngineering(bug);
            return write(
                    expected,
                    () -> http.post(
                            user,
                            "/api/tickets/" + waiting + "/engineering-fix",
                            "{\"bugId\":\"" + bug + "\",\"releaseNote\":\"Released in 5.2.1\"}"),
                    () -> "IN_PROGRESS".equals(status(waiting)));
        });
        calls.put(
                "GET /api/sla/acknowledge-by",
                (user, expected) -> Observed.of(http.get(
                        user, "/api/sla/acknowledge-by?submittedAt=2026-12-04T17:30:00-05:00&emergency=false")));
        calls.put("GET /api/request-types", (user, expected) -> Observed.of(http.get(user, "/api/request-types")));
        calls.put(
                "GET /api/tickets/{key}/history",
                (user, expected) -> Observed.of(http.get(user, "/api/tickets/" + key + "/history")));
        calls.put(
                "GET /api/reports/sla",
                (user, expected) -> Observed.of(http.get(user, "/api/reports/sla?from=2026-01-01&to=2026-12-31")));
        calls.put("GET /api/outbox", (user, expected) -> Observed.of(http.get(user, "/api/outbox")));
        calls.put("GET /api/inbound-mail", (user, expected) -> Observed.of(http.get(user, "/api/inbound-mail")));
        calls.put("PUT /api/members/{id}", (user, expected) -> {
            var member = 9100 + ROLES.indexOf(user == null ? "anonymous" : user);
            return write(
                    expected,
                    () -> http.send(
                            user,
                            "PUT",
                            "/api/members/" + member,
                            "{\"name\":\"Matrix member\",\"accountRepresentative\":\"account-rep\",\"contacts\":[]}"),
                    () -> jdbc.sql("select count(*) from member where member_id = :id")
                                    .param("id", member)
                                    .query(Long.class)
                                    .single()
                            == 1);
        });
        calls.put("GET /api/members", (user, expected) -> Observed.of(http.get(user, "/api/members")));
        calls.put("GET /actuator/prometheus", (user, expected) -> Observed.of(http.get(user, "/actuator/prometheus")));
        calls.put("GET /actuator/health", (user, expected) -> Observed.of(http.get(user, "/actuator/health")));
        calls.put(
                "GET /engine-rest/task",
                (user, expected) -> visibility(
                        http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + key),
                        body -> body.contains(taskId)));
        calls.put(
                "GET /engine-rest/task/{id}",
                (user, expected) -> Observed.of(http.get(user, "/engine-rest/task/" + taskId)));
        calls.put("POST /engine-rest/task/{id}/claim", (user, expected) -> {
            var task = taskOf(submit(), "Task_AcknowledgeTicket");
            return write(
                    expected,
                    () -> http.post(user, "/engine-rest/task/" + task + "/claim", "{\"userId\":\"" + user + "\"}"),
                    () -> user != null
                            && user.equals(tasks.createTaskQuery()
                                    .taskId(task)
                                    .singleResult()
                                    .getAssignee()));
        });
        calls.put("POST /engine-rest/task/{id}/unclaim", (user, expected) -> {
            var task = taskOf(submit(), "Task_AcknowledgeTicket");
            tasks.claim(task, "cs-agent");
            return write(
                    expected,
                    () -> http.post(user, "/engine-rest/task/" + task + "/unclaim", ""),
                    () -> tasks.createTaskQuery().taskId(task).singleResult().getAssignee() == null);
        });
        calls.put("POST /engine-rest/task/{id}/variables", (user, expected) -> {
            var task = tasks.createTaskQuery()
                    .taskId(taskOf(submit(), "Task_AcknowledgeTicket"))
                    .singleResult();
            return write(
                    expected,
                    () -> http.post(
                            user,
                            "/engine-rest/task/" + task.getId() + "/variables",
                            "{\"modifications\":{\"ticketKey\":{\"value\":\"CS-0\"}}}"),
                    () -> "CS-0".equals(runtime.getVariable(task.getProcessInstanceId(), "ticketKey")));
        });
        calls.put("PUT /engine-rest/task/{id}", (user, expected) -> {
            var task = taskOf(submit(), "Task_AcknowledgeTicket");
            return write(
                    expected,
                    () -> http.send(
                            user,
                            "PUT",
                            "/engine-rest/task/" + task,
                            "{\"name\":\"Later\",\"priority\":0,\"due\":\"2099-01-01T00:00:00.000+0000\"}"),
                    () -> tasks.createTaskQuery().taskId(task).singleResult().getPriority() == 0);
        });
        calls.put("POST /engine-rest/task/{id}/bpmnError", (user, expected) -> {
            var task = taskOf(submit(), "Task_AcknowledgeTicket");
            return write(
                    expected,
                    () -> http.post(user, "/engine-rest/task/" + task + "/bpmnError", "{\"errorCode\":\"gone\"}"),
                    () -> tasks.createTaskQuery().taskId(task).count() == 0);
        });
        calls.put("POST /engine-rest/task/{id}/complete +var", (user, expected) -> {
            var task = taskOf(submit(), "Task_AcknowledgeTicket");
            return write(
                    expected,
                    () -> http.post(
                            user,
                            "/engine-rest/task/" + task + "/complete",
                            "{\"variables\":{\"ticketId\":{\"value\":1,\"type\":\"Long\"}}}"),
                    () -> tasks.createTaskQuery().taskId(task).count() == 0);
        });
        calls.put("POST /engine-rest/task/{id}/comment/create", (user, expected) -> {
            var task = taskOf(submit(), "Task_AcknowledgeTicket");
            return write(
                    expected,
                    () -> http.post(
                            user, "/engine-rest/task/" + task + "/comment/create", "{\"message\":\"Called them\"}"),
                    () -> tasks.getTaskComments(task).size() == 1);
        });
        calls.put("PUT /engine-rest/job/{id}/duedate", (user, expected) -> {
            var instance = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(submit())
                    .processDefinitionKey("standard-issue")
                    .singleResult()
                    .getId();
            var job = management
                    .createJobQuery()
                    .processInstanceId(instance)
                    .timers()
                    .list()
                    .get(0)
                    .getId();
            return write(
                    expected,
                    () -> http.send(
                            user,
                            "PUT",
                            "/engine-rest/job/" + job + "/duedate",
                            "{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}"),
                    () -> management
                                    .createJobQuery()
                                    .jobId(job)
                                    .singleResult()
                                    .getDuedate()
                                    .getYear()
                            == 2099 - 1900);
        });
        calls.put("DELETE /engine-rest/process-instance/{id}", (user, expected) -> {
            var fresh = submit();
            var instance = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(fresh)
                    .processDefinitionKey("support-request")
                    .singleResult()
                    .getId();
            return write(
                    expected,
                    () -> http.send(user, "DELETE", "/engine-rest/process-instance/" + instance, null),
                    () -> runtime.createProcessInstanceQuery()
                                    .processInstanceBusinessKey(fresh)
                                    .count()
                            == 0);
        });
        calls.put("POST /engine-rest/deployment/create", (user, expected) -> {
            try {
                return write(
                        expected,
                        () -> http.upload(user, "/engine-rest/deployment/create", PROBE_PROCESS + ".bpmn", PROBE_MODEL),
                        () -> repository
                                        .createProcessDefinitionQuery()
                                        .processDefinitionKey(PROBE_PROCESS)
                                        .count()
                                == 1);
            } finally {
                repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(PROBE_PROCESS)
                        .list()
                        .forEach(definition -> repository.deleteDeployment(definition.getDeploymentId(), true));
            }
        });
        calls.put(
                "GET /engine-rest/process-instance",
                (user, expected) -> visibility(
                        http.get(user, "/engine-rest/process-instance?businessKey=" + key),
                        body -> body.contains(key)));
        calls.put(
                "GET /engine-rest/history/process-instance",
                (user, expected) -> visibility(
                        http.get(user, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key),
                        body -> body.contains(key)));
        calls.put(
                "GET /engine-rest/user",
                (user, expected) -> visibility(
                        http.get(user, "/engine-rest/user?id=spoc-acme"), body -> body.contains("\"spoc-acme\"")));
        calls.put("POST /engine-rest/user/create", (user, expected) -> {
            var id = "matrix-made-by-" + (user == null ? "anonymous" : user);
            try {
                return write(
                        expected,
                        () -> http.post(
                                user,
                                "/engine-rest/user/create",
                                "{\"profile\":{\"id\":\"" + id + "\"},\"credentials\":{\"password\":\"not-demo-1\"}}"),
                        () -> identity.createUserQuery().userId(id).count() == 1);
            } finally {
                if (identity.createUserQuery().userId(id).count() > 0) {
                    identity.deleteUser(id);
                }
            }
        });
        calls.put("GET /portal", (user, expected) -> page(user, "/portal"));
        calls.put("GET /audit", (user, expected) -> page(user, "/audit"));
        calls.put("GET /audit/tickets/{key}", (user, expected) -> page(user, "/audit/tickets/" + key));
        calls.put(
                "GET /audit/tickets/{key}/timeline.csv",
                (user, expected) -> page(user, "/audit/tickets/" + key + "/timeline.csv"));
        calls.put("GET /audit/compliance", (user, expected) -> page(user, "/audit/compliance"));
        calls.put("GET /audit/compliance.csv", (user, expected) -> page(user, "/audit/compliance.csv"));
        calls.put("GET /audit/compliance.json", (user, expected) -> page(user, "/audit/compliance.json"));
        calls.put("GET /board", (user, expected) -> page(user, "/board"));
        calls.put("sign in to Tasklist", (user, expected) -> webappSignIn(user, "tasklist"));
        calls.put("sign in to Cockpit", (user, expected) -> webappSignIn(user, "cockpit"));
        calls.put("sign in to Admin", (user, expected) -> webappSignIn(user, "admin"));
        return calls;
    }

    /**
     * A write: allowed means the expected 2xx and its effect; refused means nothing at all changed.
     */
    private Observed write(String expected, Supplier<DeskHttpClient.Response> call, BooleanSupplier tookEffect) {
        var before = state();
        var response = call.get();
        if (expected.startsWith("2")) {
            if (response.status() == Integer.parseInt(expected)) {
                assertThat(tookEffect.getAsBoolean())
                        .as("the allowed write took effect: " + response.body())
                        .isTrue();
            }
        } else {
            assertThat(state())
                    .as("a refused write changes nothing (answer %s: %s)", response.status(), response.body())
                    .isEqualTo(before);
            assertThat(tookEffect.getAsBoolean())
                    .as("the refused write took no effect")
                    .isFalse();
        }
        return Observed.of(response);
    }

    private static Observed visibility(DeskHttpClient.Response response, Predicate<String> holds) {
        if (response.status() != 200) {
            return Observed.of(response);
        }
        return new Observed(holds.test(response.body()) ? "seen" : "hidden", response.body());
    }

    // ---------------------------------------------------------------------------------------------
    // The desk's pages (a browser session from the sign-in form) and the Camunda webapps' sign-in
    // ---------------------------------------------------------------------------------------------

    private Observed page(String user, String path) {
        var browser = user == null ? HttpClient.newHttpClient() : pageSessions.computeIfAbsent(user, this::signIn);
        var response = send(browser, HttpRequest.newBuilder(uri(path)).GET());
        if (response.statusCode() == 302
                && response.headers().firstValue("Location").orElse("").endsWith("/login")) {
            return new Observed(
                    "login",
                    "redirected to " + response.headers().firstValue("Location").orElse(""));
        }
        return new Observed(String.valueOf(response.statusCode()), response.body());
    }

    private HttpClient signIn(String user) {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var login = send(browser, HttpRequest.newBuilder(uri("/login")).GET());
        var form =
                "username=" + encode(user) + "&password=demo&_csrf=" + encode(DeskHttpClient.csrfToken(login.body()));
        var signedIn = send(
                browser,
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    /** Signs in to a Camunda webapp the way its login page does; no one signed in tries an unknown user. */
    private Observed webappSignIn(String user, String app) {
        var response = new WebappBrowser(http.port()).signIn(user == null ? "nobody-at-all" : user, "demo", app);
        return new Observed(String.valueOf(response.statusCode()), response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return http.uri(path);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        return DeskHttpClient.exchange(client, request);
    }

    // ---------------------------------------------------------------------------------------------
    // Tickets in the state a write needs, moved on by the agent over the engine REST API
    // ---------------------------------------------------------------------------------------------

    private String submit() {
        var created = Tickets.created(http, "spoc-acme", VALID);
        assertThat(created.path("team").asText()).isEqualTo("client-services");
        return created.path("key").asText();
    }

    private String waitingOnCustomer() {
        return Tickets.waitingOnCustomer(http, submit(), "Which browsers show the blanks?");
    }

    private String waitingOnEngineering(String bug) {
        return Tickets.waitingOnEngineering(http, submit(), bug);
    }

    private String taskOf(String key, String taskDefinitionKey) {
        return scenario.task(key, taskDefinitionKey).getId();
    }

    private String status(String key) {
        return jdbc.sql("select status from ticket where id = :id")
                .param("id", Long.parseLong(key.substring("CS-".length())))
                .query(String.class)
                .single();
    }

    private long attachments(String key) {
        return jdbc.sql("select count(*) from ticket_attachment where ticket_id = :id")
                .param("id", Long.parseLong(key.substring("CS-".length())))
                .query(Long.class)
                .single();
    }

    private long ticketCount() {
        return jdbc.sql("select count(*) from ticket").query(Long.class).single();
    }

    private static String textFile(String fileName, String content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
    }

    private DeskState state() {
        return desk.now();
    }
}
