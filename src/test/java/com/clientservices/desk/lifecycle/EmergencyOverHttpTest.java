package com.clientservices.desk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An emergency over real HTTP: the account representative hears of it, and it tops the agents' queue. */
@DeskTest
class EmergencyOverHttpTest {

    @Autowired
    DeskHttpClient http;

    @Test
    void emergencyNoticeReachesAccountRepresentativeWithoutAnyAgentActingAndTopsTheEmergencyFilter() {
        var olderStandard = List.of(submit(false, "Reports lag by an hour"), submit(false, "Creative preview is slow"));
        var emergency = submit(true, "All placements blank since 09:12");

        var outbox = http.get("auditor", "/api/outbox?ticket=" + emergency);
        assertThat(outbox.status()).isEqualTo(200);
        var notice = find(outbox.json(), "emergency-submitted");
        assertThat(notice).as("notice to the account representative").isNotNull();
        assertThat(notice.get("recipient").asText()).isEqualTo("account-rep");
        assertThat(notice.get("address").asText()).isEqualTo("account-rep@desk.example");
        assertThat(notice.get("subject").asText()).contains(emergency).contains("All placements blank since 09:12");
        assertThat(http.get("spoc-acme", "/api/outbox?ticket=" + emergency).status())
                .isEqualTo(403);
        assertThat(http.get("cs-agent", "/api/outbox").status()).isEqualTo(403);
        var latest = http.get("demo", "/api/outbox");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.body()).contains(emergency);

        var filters = http.get("cs-agent", "/engine-rest/filter?name=Emergencies%20first")
                .json();
        assertThat(filters).hasSize(1);
        var queue = http.get(
                        "cs-agent",
                        "/engine-rest/filter/" + filters.get(0).get("id").asText() + "/list?maxResults=1000")
                .json();
        var keys = new ArrayList<String>();
        var priorities = new ArrayList<Integer>();
        for (var task : queue) {
            keys.add(task.get("name").asText().split(" · ")[0]);
            priorities.add(task.get("priority").asInt());
        }
        var top = keys.indexOf(emergency);
        assertThat(top).as("the emergency is in the queue").isGreaterThanOrEqualTo(0);
        assertThat(priorities.subList(0, top)).as("only emergencies above it").allMatch(priority -> priority >= 80);
        for (var standard : olderStandard) {
            assertThat(keys.indexOf(standard))
                    .as("older standard ticket %s below the emergency", standard)
                    .isGreaterThan(top);
        }
        var filtersOfAnotherTeam = http.get(
                        "aq-agent",
                        "/engine-rest/filter/" + filters.get(0).get("id").asText() + "/list?maxResults=1000")
                .json();
        assertThat(filtersOfAnotherTeam.toString()).doesNotContain(emergency);
    }

    private String submit(boolean emergency, String subject) {
        return emergency
                ? Tickets.submit(http, Tickets.CONTACT, Tickets.emergency("AD_SERVING", subject))
                : Tickets.submit(http, subject);
    }

    private static JsonNode find(JsonNode messages, String kind) {
        for (var message : messages) {
            if (kind.equals(message.get("kind").asText())) {
                return message;
            }
        }
        return null;
    }
}
