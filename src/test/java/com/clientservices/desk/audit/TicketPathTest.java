package com.clientservices.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.PageBrowser;
import com.clientservices.desk.Tickets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A ticket's path as the audit page draws it (docs/specification.md §14): the flows it took, and none
 * it did not, even where a step is reached by several flows.
 */
@DeskTest
class TicketPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    DeskHttpClient http;

    @Test
    void aStandardTicketsPathShowsTheWayItCameToDiagnosisNotTheDowngradesWay() throws Exception {
        var key = Tickets.closed(http, Tickets.submit(http, "Path: acknowledged, then resolved"), "Cache flushed");

        var lifecycle = flows(key, "Standard issue");

        assertThat(lifecycle)
                .contains("Flow_ToStartAcknowledgementClock", "Flow_AcknowledgedToDiagnosis", "Flow_ToDiagnoseIssue")
                .doesNotContain("Flow_DowngradedToDiagnosis", "Flow_ReroutedToDiagnosis", "Flow_AnsweredToDiagnosis");
        assertThat(flows(key, "Support request"))
                .contains("Flow_RoutedToTeam", "Flow_Standard", "Flow_ToStandardIssue")
                .doesNotContain("Flow_Emergency", "Flow_DowngradedToStandard", "Flow_RoutedToAccountRepresentative");
    }

    @Test
    void aDowngradedEmergencysPathGoesToTheStandardLifecycleByTheDowngrade() throws Exception {
        var key = Tickets.submit(http, Tickets.CONTACT, Tickets.emergency("AD_SERVING", "Path: downgraded"));
        http.completeTask(
                "cs-agent",
                key,
                "Task_AcknowledgeTicket",
                "{\"downgradeToStandard\":{\"value\":true},\"downgradeReason\":{\"value\":\"A test page only\"}}");

        assertThat(flows(key, "Support request"))
                .contains("Flow_Emergency", "Flow_ToGatewayDowngraded", "Flow_DowngradedToStandard")
                .doesNotContain("Flow_Standard", "Flow_StayedEmergency");
        assertThat(flows(key, "Standard issue"))
                .contains("Flow_DowngradedToDiagnosis", "Flow_ToDiagnoseIssue")
                .doesNotContain("Flow_ToStartAcknowledgementClock", "Flow_AcknowledgedToDiagnosis");
    }

    /** The flows the audit page marks as taken in the ticket's diagram of that process. */
    private List<String> flows(String key, String process) throws Exception {
        var auditor = PageBrowser.signIn(http, "auditor");
        var response = auditor.get("/audit/tickets/" + key + "/path");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode diagram = null;
        for (var each : JSON.readTree(response.body())) {
            if (each.path("name").asText().equals(process)) {
                diagram = each;
            }
        }
        assertThat(diagram).as("the %s diagram of %s", process, key).isNotNull();
        var flows = new ArrayList<String>();
        diagram.path("flows").forEach(flow -> flows.add(flow.asText()));
        return flows;
    }
}
