package com.clientservices.desk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two agents of the same team act on the same task at the same moment through the engine API, as
 * two Tasklist windows would, or a customer sends the same answer twice (a double click): one
 * wins, the other is told plainly what happened with a 4xx, and the ticket moves once.
 */
@DeskTest
class ConcurrentTaskWorkTest {

    private static final String ACKNOWLEDGE = "{\"variables\":{\"acknowledgementNote\":{\"value\":\"On it\"}}}";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeskHttpClient http;

    @RepeatedTest(5)
    void twoAgentsCompletingTheSameTaskAtOnceMoveTheTicketOnce() throws Exception {
        var key = submit();
        var task = onlyTask(key, "Task_AcknowledgeTicket");

        var answers = atOnce(
                () -> http.post("cs-agent", "/engine-rest/task/" + task + "/complete", ACKNOWLEDGE),
                () -> http.post("cs-manager", "/engine-rest/task/" + task + "/complete", ACKNOWLEDGE));

        assertThat(answers.get(0).status()).as("the winner").isEqualTo(204);
        var loser = answers.get(1);
        assertThat(loser.status()).as("the loser: %s", loser.body()).isIn(404, 409);
        assertThat(loser.json().get("message").asText()).containsIgnoringCase("someone else");
        assertThat(count(key, "STATUS_CHANGED", "%ACKNOWLEDGED")).isEqualTo(1);
        assertThat(http.get(
                                "cs-agent",
                                "/engine-rest/task?processInstanceBusinessKey=" + key
                                        + "&taskDefinitionKey=Task_DiagnoseIssue")
                        .json())
                .hasSize(1);
        assertThat(http.get(
                                "auditor",
                                "/engine-rest/history/task?processInstanceBusinessKey=" + key
                                        + "&taskDefinitionKey=Task_AcknowledgeTicket&finished=true")
                        .json())
                .hasSize(1);
    }

    @RepeatedTest(3)
    void twoAgentsClaimingTheSameTaskAtOnceLeaveItWithOneOfThem() throws Exception {
        var key = submit();
        var task = onlyTask(key, "Task_AcknowledgeTicket");

        var answers = atOnce(
                () -> http.post("cs-agent", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"cs-agent\"}"),
                () -> http.post("cs-manager", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"cs-manager\"}"));

        assertThat(answers.get(0).status()).isEqualTo(204);
        assertThat(answers.get(1).status())
                .as("the loser: %s", answers.get(1).body())
                .isEqualTo(409);
        var assignee = http.get("cs-agent", "/engine-rest/task/" + task)
                .json()
                .get("assignee")
                .asText();
        assertThat(answers.get(1).json().get("message").asText())
                .containsAnyOf("Someone else claimed this task", "claimed by " + assignee);
    }

    @RepeatedTest(10)
    void aCustomerWhoSendsTheSameAnswerTwiceAtOnceIsHeardOnceAndToldOfTheSecond() throws Exception {
        var key = waitingOnCustomer();
        var answer = "{\"message\":\"Chrome and Safari\"}";

        var answers = atOnce(
                () -> http.post("spoc-acme", "/api/tickets/" + key + "/replies", answer),
                () -> http.post("spoc-acme", "/api/tickets/" + key + "/replies", answer));

        assertThat(answers.get(0).status())
                .as("the first: %s", answers.get(0).body())
                .isEqualTo(200);
        var second = answers.get(1);
        assertThat(second.status()).as("the second: %s", second.body()).isEqualTo(409);
        assertThat(second.json().get("detail").asText()).contains("already has this message");
        assertThat(count(key, "CUSTOMER_REPLIED", "%")).isEqualTo(1);
        assertThat(count(key, "ADDED_INFORMATION", "%"))
                .as("the repeat is not added either")
                .isZero();
        assertThat(count(key, "STATUS_CHANGED", "WAITING_ON_CUSTOMER → %")).isEqualTo(1);
    }

    /** Both calls start together; the answers come back sorted, success first. */
    private List<DeskHttpClient.Response> atOnce(
            Callable<DeskHttpClient.Response> first, Callable<DeskHttpClient.Response> second) throws Exception {
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> {
                barrier.await();
                return first.call();
            });
            var b = pool.submit(() -> {
                barrier.await();
                return second.call();
            });
            var answers = new ArrayList<>(List.of(a.get(), b.get()));
            answers.sort(Comparator.comparingInt(DeskHttpClient.Response::status));
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private String submit() {
        return Tickets.submit(http, "Two agents, one ticket");
    }

    private String waitingOnCustomer() {
        return Tickets.waitingOnCustomer(http, submit(), "Which browsers show the blanks?");
    }

    private String onlyTask(String key, String definition) {
        return http.taskId("cs-agent", key, definition);
    }

    private long count(String key, String type, String detail) {
        return jdbc.sql("""
                select count(*) from ticket_event e join ticket t on t.id = e.ticket_id
                where 'CS-' || t.id = :key and e.type = :type and coalesce(e.detail, '') like :detail
                """)
                .param("key", key)
                .param("type", type)
                .param("detail", detail)
                .query(Long.class)
                .single();
    }
}
