package com.clientservices.desk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every row of the deployed request-routing table, as docs/specification.md §2 lists it. */
@DeskTest
class RequestRoutingDecisionTest {

    @Autowired
    DecisionService decisions;

    @Autowired
    RequestTypeCatalogue catalogue;

    @Autowired
    DeskHttpClient http;

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({
        "ANTI_MALVERTISING, anti-malvertising",
        "APP_BUG, app-support",
        "CREATIVE_AUDITING, ad-quality",
        "CRITICAL_DATA_PULL, client-services",
        "INVENTORY_QUALITY, inventory-quality",
        "TECHNICAL_IMPLEMENTATION, client-services",
        "MANUAL_CONFIGURATION, client-services",
        "AD_SERVING, client-services",
        "MEDIA_TRADING, client-services",
        "TRAFFIC_QUALITY, client-services",
        "UI_API_BUG, client-services",
        "BUSINESS_QUESTION, account-representative",
        "BILLING, account-representative",
        "TRAINING, account-representative",
        "ENHANCEMENT_REQUEST, account-representative",
        "PRODUCT_ROADMAP, account-representative",
        "GENERAL_PRODUCT_USAGE, account-representative",
        "ALPHA_BETA_PROGRAM, account-representative"
    })
    void deployedTableRoutesEachRequestTypeToItsTeam(String requestType, String route) {
        var result = decisions.evaluateDecisionTableByKey("request-routing", Map.of("requestType", requestType));

        assertThat(result.getSingleResult().<String>getEntry("route")).isEqualTo(route);
        assertThat(catalogue.find(requestType))
                .get()
                .extracting(RequestType::route)
                .isEqualTo(route);
    }

    @Test
    void unknownOrWronglyCasedCodeMatchesNoRow() {
        assertThat(decisions.evaluateDecisionTableByKey("request-routing", Map.of("requestType", "COFFEE_MACHINE")))
                .isEmpty();
        assertThat(decisions.evaluateDecisionTableByKey("request-routing", Map.of("requestType", "app_bug")))
                .isEmpty();
        assertThat(catalogue.find("COFFEE_MACHINE")).isEmpty();
    }

    @Test
    void catalogueListsAllEighteenTypesWithLabelsAndOnlyUiTypesAskForBrowserDetails() {
        assertThat(catalogue.all()).hasSize(18);
        assertThat(catalogue.all()).allSatisfy(type -> assertThat(type.label()).isNotBlank());
        assertThat(catalogue.all())
                .filteredOn(RequestType::uiRelated)
                .extracting(RequestType::code)
                .containsExactlyInAnyOrder("APP_BUG", "UI_API_BUG");
        assertThat(catalogue.find("AD_SERVING"))
                .get()
                .extracting(RequestType::example)
                .isEqualTo("Placements start showing blanks without apparent cause");
    }

    @Test
    void everyRowTellsTheCustomerWhatToIncludeAndTheApiListsIt() {
        assertThat(catalogue.all())
                .allSatisfy(type -> assertThat(type.guidance())
                        .as("guidance of %s", type.code())
                        .isNotBlank());
        assertThat(catalogue.find("APP_BUG").orElseThrow().guidance())
                .contains("app version")
                .contains("screenshot");
        assertThat(catalogue.find("TRAFFIC_QUALITY").orElseThrow().guidance()).contains("placement ids");

        var listed = http.get("spoc-acme", "/api/request-types").json();
        assertThat(listed).hasSize(18);
        listed.forEach(type -> {
            assertThat(type.get("guidance").asText())
                    .as("guidance of %s", type.get("code"))
                    .isNotBlank();
            assertThat(type.has("label") && type.has("route") && type.has("uiRelated"))
                    .as("the fields listed before guidance")
                    .isTrue();
        });
    }
}
