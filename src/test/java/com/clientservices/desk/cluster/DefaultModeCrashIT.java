package com.clientservices.desk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run mode (docs/specification.md §10) as {@code java -jar} runs it: no profile, demo users, the H2
 * file database of application.yml in a fresh ./data. Killed with SIGKILL while six customers
 * submit tickets and started again on the same folder, it has every ticket it answered 201, each
 * with its process and its SLA timers, and no ticket or process without the other: as durable as
 * the cluster on PostgreSQL. The H2 file cannot be opened while the desk runs, so everything is
 * read through the desk's API and the engine REST API as the demo administrator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefaultModeCrashIT {

    private static final String ADMIN = "demo";
    private static final String CUSTOMER = "spoc-acme";
    private static final String PASSWORD = "demo";
    private static final long MEMBER = 1001;
    private static final int CUSTOMERS = 6;
    private static final int ANSWERED_BEFORE_KILL = 150;

    @TempDir
    Path folder;

    private DeskNode desk;

    @BeforeAll
    void start() {
        // Without the sample tickets every ticket and every process in the database is one of the burst's.
        desk = DeskNode.defaultMode("default-mode", folder, Map.of("DESK_DEMO_SAMPLE_TICKETS", "false"))
                .start();
    }

    @AfterAll
    void stop() throws Exception {
        if (desk != null) {
            desk.stop();
        }
    }

    @Test
    void killedDuringABurstOfSubmissionsItLosesNoAnsweredTicketAndLeavesNoneHalfMade() throws Exception {
        var burst = SubmissionBurst.killedAfter(
                desk,
                CUSTOMERS,
                ANSWERED_BEFORE_KILL,
                () -> ClusterHttp.submitTicket(desk, CUSTOMER, PASSWORD, MEMBER, false));
        desk.start();
        System.out.printf(
                "default mode: %d tickets answered 201 before the kill (%d in all), %d failed calls%n",
                burst.answeredAtKill(), burst.answered().size(), burst.failed());

        var tickets = tickets();
        var lost = burst.answered().stream()
                .filter(key -> !tickets.containsKey(key))
                .toList();
        assertThat(lost)
                .as(
                        "%d of %d tickets answered 201 lost",
                        lost.size(), burst.answered().size())
                .isEmpty();
        for (var key : burst.answered()) {
            assertThat(tickets.get(key)).as(key).isEqualTo("NEW");
        }

        var requests = businessKeys("/engine-rest/process-instance?processDefinitionKey=support-request");
        var dueTimers = timersByTicket("Event_AcknowledgementDue");
        var warningTimers = timersByTicket("Event_AcknowledgementWarningTime");
        for (var key : tickets.keySet()) {
            assertThat(requests.getOrDefault(key, List.of()))
                    .as("process of " + key)
                    .hasSize(1);
            assertThat(dueTimers.getOrDefault(key, List.of()))
                    .as("acknowledgement due timer of " + key)
                    .hasSize(1);
            assertThat(warningTimers.getOrDefault(key, List.of()))
                    .as("acknowledgement warning timer of " + key)
                    .hasSize(1);
        }
        var everRequested = businessKeys("/engine-rest/history/process-instance?processDefinitionKey=support-request");
        assertThat(everRequested.keySet()).as("processes without a ticket").isSubsetOf(tickets.keySet());

        assertThat(ClusterHttp.submitTicket(desk, CUSTOMER, PASSWORD, MEMBER, false)
                        .status())
                .as("the restarted desk takes tickets")
                .isEqualTo(201);
    }

    /** Every ticket's status by its key, page by page as the administrator sees them. */
    private Map<String, String> tickets() throws IOException {
        var tickets = new HashMap<String, String>();
        for (var page = 0; ; page++) {
            var list = read("/api/tickets?size=200&page=" + page);
            list.forEach(ticket ->
                    tickets.put(ticket.get("key").asText(), ticket.get("status").asText()));
            if (list.size() < 200) {
                return tickets;
            }
        }
    }

    /** The ids of the process instances that query finds, by their business key (the ticket's key). */
    private Map<String, List<String>> businessKeys(String query) throws IOException {
        var byKey = new HashMap<String, List<String>>();
        for (var instance : read(query + "&maxResults=100000")) {
            byKey.computeIfAbsent(instance.path("businessKey").asText(), key -> new ArrayList<>())
                    .add(instance.get("id").asText());
        }
        return byKey;
    }

    /**
     * The ids of the pending timer jobs of that boundary event by ticket: they belong to the
     * ticket's issue process, which the request process calls with the ticket's key.
     */
    private Map<String, List<String>> timersByTicket(String activityId) throws IOException {
        var ticketOf = new HashMap<String, String>();
        for (var instance : read("/engine-rest/process-instance?maxResults=100000")) {
            ticketOf.put(
                    instance.get("id").asText(), instance.path("businessKey").asText());
        }
        var byTicket = new HashMap<String, List<String>>();
        for (var job : read("/engine-rest/job?timers=true&activityId=" + activityId + "&maxResults=100000")) {
            byTicket.computeIfAbsent(ticketOf.get(job.get("processInstanceId").asText()), key -> new ArrayList<>())
                    .add(job.get("id").asText());
        }
        return byTicket;
    }

    private JsonNode read(String path) throws IOException {
        var answer = ClusterHttp.get(desk, ADMIN, PASSWORD, path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }
}
