package com.clientservices.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Critical data pulls and manual configuration changes need a business justification
 * (docs/specification.md §5); the routing table's output {@code justificationRequired} says which
 * request types, so a process owner changes it there.
 */
@DeskTest
class BusinessJustificationTest {

    @Autowired
    DeskHttpClient http;

    @ParameterizedTest
    @ValueSource(strings = {"CRITICAL_DATA_PULL", "MANUAL_CONFIGURATION"})
    void requestTypeMarkedInTheRoutingTableIsRefusedWithoutAJustificationNamingTheField(String type) {
        var refused =
                http.post(Tickets.CONTACT, "/api/tickets", Tickets.valid(Tickets.MEMBER, type, "No reason given"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").toString())
                .contains("businessJustification")
                .contains("is required");

        var request = Tickets.request(Tickets.MEMBER, type, "With a reason");
        request.put("businessJustification", "Quarter-end audit needs every impression of campaign 77.");
        var created = Tickets.created(http, Tickets.CONTACT, Tickets.json(request));
        var ticket = http.get(
                        Tickets.CONTACT, "/api/tickets/" + created.path("key").asText())
                .json();
        assertThat(ticket.path("businessJustification").asText())
                .isEqualTo("Quarter-end audit needs every impression of campaign 77.");
    }

    @Test
    void otherRequestTypesNeedNoneAndAnOverlongJustificationIsRefused() {
        var key = Tickets.submit(http, "Needs no justification");
        assertThat(http.get(Tickets.CONTACT, "/api/tickets/" + key)
                        .json()
                        .path("businessJustification")
                        .asText(null))
                .isNull();

        var request = Tickets.request(Tickets.MEMBER, "CRITICAL_DATA_PULL", "Too long a reason");
        request.put("businessJustification", "x".repeat(5_001));
        var refused = http.post(Tickets.CONTACT, "/api/tickets", Tickets.json(request));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").toString()).contains("businessJustification");
    }

    @Test
    void requestTypesSayWhichNeedAJustification() {
        var types = http.get(Tickets.CONTACT, "/api/request-types").json();
        for (var type : types) {
            var code = type.path("code").asText();
            assertThat(type.path("justificationRequired").asBoolean())
                    .as(code)
                    .isEqualTo(code.equals("CRITICAL_DATA_PULL") || code.equals("MANUAL_CONFIGURATION"));
        }
    }
}
