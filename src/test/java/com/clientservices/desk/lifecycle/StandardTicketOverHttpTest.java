package com.clientservices.desk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A standard ticket from POST to CLOSED over real HTTP: the customer through the desk's API, the
 * agent through the engine REST API with their own credentials, engineering through the fix API.
 */
@DeskTest
class StandardTicketOverHttpTest {

    @Autowired
    DeskHttpClient http;

    @Test
    void agentWorksTicketFromSubmissionToClosureThroughTheEngineApi() {
        var created = http.post("spoc-acme", "/api/tickets", """
                {"memberId":1001,"requestType":"AD_SERVING","subject":"Blank placements on the homepage",
                 "description":"Placement 5512 shows blanks","impact":"Lost revenue",
                 "objectIds":["5512"],"environment":{"placementId":"5512"},"stepsToReproduce":"Open the homepage"}
                """);
        assertThat(created.status()).isEqualTo(201);
        var key = created.json().get("key").asText();
        assertThat(ticket(key).get("status").asText()).isEqualTo("NEW");
        assertThat(target(key, "ACKNOWLEDGEMENT").get("outcome").asText()).isEqualTo("OPEN");

        var acknowledge = onlyTask("cs-agent", key, "Task_AcknowledgeTicket");
        assertThat(http.post("cs-agent", "/engine-rest/task/" + acknowledge + "/claim", "{\"userId\":\"cs-agent\"}")
                        .status())
                .isEqualTo(204);
        assertThat(http.post(
                                "cs-agent",
                                "/engine-rest/task/" + acknowledge + "/complete",
                                "{\"variables\":{\"acknowledgementNote\":{\"value\":\"We are on it\"}}}")
                        .status())
                .isEqualTo(204);
        assertThat(ticket(key).get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(target(key, "ACKNOWLEDGEMENT").get("met").asBoolean()).isTrue();

        var diagnose = onlyTask("cs-agent", key, "Task_DiagnoseIssue");
        http.post("cs-agent", "/engine-rest/task/" + diagnose + "/claim", "{\"userId\":\"cs-agent\"}");
        assertThat(ticket(key).get("status").asText()).isEqualTo("IN_PROGRESS");
        var refused = http.post(
                "cs-agent",
                "/engine-rest/task/" + diagnose + "/complete",
                "{\"variables\":{\"diagnosisOutcome\":{\"value\":\"NEED_CUSTOMER_INFO\"}}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("customerQuestions");
        assertThat(onlyTask("cs-agent", key, "Task_DiagnoseIssue"))
                .as("the task stays open")
                .isEqualTo(diagnose);
        assertThat(http.post("cs-agent", "/engine-rest/task/" + diagnose + "/complete", """
                {"variables":{"diagnosisOutcome":{"value":"NEED_CUSTOMER_INFO"},
                              "customerQuestions":{"value":"Which browsers show the blanks?"}}}
                """)
                        .status())
                .isEqualTo(204);
        assertThat(ticket(key).get("status").asText()).isEqualTo("WAITING_ON_CUSTOMER");

        assertThat(http.post("spoc-globex", "/api/tickets/" + key + "/replies", "{\"message\":\"Not mine\"}")
                        .status())
                .as("another member's ticket answers as one that does not exist")
                .isEqualTo(404);
        // The longest answer the API takes, all of it kept in the ticket's history.
        var longAnswer = ("Chrome and Safari. " + "Console log line. ".repeat(1200)).substring(0, 20_000);
        var reply = http.post("spoc-acme", "/api/tickets/" + key + "/replies", "{\"message\":\"" + longAnswer + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(http.get("auditor", "/api/tickets/" + key + "/history").body())
                .contains(longAnswer);
        assertThat(ticket(key).get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(target(key, "NEXT_RESPONSE").get("outcome").asText()).isEqualTo("OPEN");
        var again = http.post("spoc-acme", "/api/tickets/" + key + "/replies", "{\"message\":\"Also Firefox\"}");
        assertThat(again.status())
                .as("a second message while the team works is added information: %s", again.body())
                .isEqualTo(200);
        assertThat(ticket(key).get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(ticket(key).get("conversation").findValuesAsText("kind")).endsWith("ANSWER", "ADDED_INFORMATION");

        var secondDiagnosis = onlyTask("cs-agent", key, "Task_DiagnoseIssue");
        assertThat(http.post("cs-agent", "/engine-rest/task/" + secondDiagnosis + "/complete", """
                {"variables":{"diagnosisOutcome":{"value":"ENGINEERING_FIX"},"engineeringBugId":{"value":"ENG-77"}}}
                """)
                        .status())
                .isEqualTo(204);
        assertThat(ticket(key).get("status").asText()).isEqualTo("WAITING_ON_ENGINEERING");
        assertThat(target(key, "NEXT_RESPONSE").get("met").asBoolean()).isTrue();

        assertThat(http.post("cs-agent", "/api/tickets/" + key + "/engineering-fix", "{\"bugId\":\"ENG-77\"}")
                        .status())
                .isEqualTo(403);
        var wrongBug =
                http.post("engineering-bot", "/api/tickets/" + key + "/engineering-fix", "{\"bugId\":\"ENG-78\"}");
        assertThat(wrongBug.status()).isEqualTo(409);
        var fix = http.post(
                "engineering-bot",
                "/api/tickets/" + key + "/engineering-fix",
                "{\"bugId\":\"ENG-77\",\"releaseNote\":\"Released in 5.2.1\"}");
        assertThat(fix.status()).isEqualTo(200);
        assertThat(fix.json().get("released").toString()).contains(key);
        assertThat(ticket(key).get("status").asText()).isEqualTo("IN_PROGRESS");

        var confirm = onlyTask("cs-agent", key, "Task_ConfirmResolution");
        assertThat(http.post("cs-agent", "/engine-rest/task/" + confirm + "/complete", "{\"variables\":{}}")
                        .status())
                .isEqualTo(400);
        assertThat(http.post(
                                "cs-agent",
                                "/engine-rest/task/" + confirm + "/complete",
                                "{\"variables\":{\"resolutionSummary\":{\"value\":\"Fixed in release 5.2.1\"}}}")
                        .status())
                .isEqualTo(204);
        assertThat(ticket(key).get("status").asText()).isEqualTo("CLOSED");

        var back = http.post(
                "spoc-acme", "/api/tickets/" + key + "/replies", "{\"message\":\"It is back after the release\"}");
        assertThat(back.status())
                .as("a reply within the reopen window reopens the ticket: %s", back.body())
                .isEqualTo(200);
        assertThat(ticket(key).get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(onlyTask("cs-agent", key, "Task_DiagnoseIssue")).isNotBlank();
    }

    @Test
    void engineeringFixReleasesEveryTicketWaitingOnThatBug() {
        var first = ticketWaitingOnBug("ENG-900");
        var second = ticketWaitingOnBug("ENG-900");
        var other = ticketWaitingOnBug("ENG-901");

        var fix = http.post("engineering-bot", "/api/tickets/" + first + "/engineering-fix", "{\"bugId\":\"ENG-900\"}");

        assertThat(fix.status()).isEqualTo(200);
        assertThat(fix.json().get("released")).extracting(JsonNode::asText).containsExactlyInAnyOrder(first, second);
        assertThat(ticket(first).get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(ticket(second).get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(ticket(other).get("status").asText()).isEqualTo("WAITING_ON_ENGINEERING");
        var missingBug = http.post("engineering-bot", "/api/tickets/" + other + "/engineering-fix", "{}");
        assertThat(missingBug.status()).isEqualTo(400);
        assertThat(missingBug.json().get("errors").get(0).get("field").asText()).isEqualTo("bugId");
    }

    private String ticketWaitingOnBug(String bug) {
        return Tickets.waitingOnEngineering(
                http, Tickets.submit(http, Tickets.CONTACT, Tickets.MEMBER, "TRAFFIC_QUALITY", "High CTR"), bug);
    }

    private String onlyTask(String user, String key, String taskDefinitionKey) {
        return http.taskId(user, key, taskDefinitionKey);
    }

    private JsonNode ticket(String key) {
        var response = http.get("spoc-acme", "/api/tickets/" + key);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private JsonNode target(String key, String kind) {
        JsonNode found = null;
        for (var target : ticket(key).get("slaTargets")) {
            if (kind.equals(target.get("kind").asText())) {
                found = target;
            }
        }
        assertThat(found).as("%s target of %s", kind, key).isNotNull();
        return found;
    }
}
