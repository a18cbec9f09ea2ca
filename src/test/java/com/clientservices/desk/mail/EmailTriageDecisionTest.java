package com.clientservices.desk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The deployed email-triage table (docs/specification.md §12): keywords of subject and text to a request type. */
@DeskTest
class EmailTriageDecisionTest {

    @Autowired
    DecisionService decisions;

    @Autowired
    RepositoryService repository;

    @Autowired
    RequestTypeCatalogue catalogue;

    @ParameterizedTest(name = "\"{0}\" is {2}")
    @CsvSource({
        "Malware on our inventory, A creative redirects users, ANTI_MALVERTISING",
        "Creative 8812, It was REJECTED yesterday, CREATIVE_AUDITING",
        "Question about our invoice, The November invoice is wrong, BILLING",
        "Placements show blanks, Since 10:00, AD_SERVING",
        "Strange numbers, The CTR is suspiciously high, TRAFFIC_QUALITY",
        "Help, Something is odd with our setup, TECHNICAL_IMPLEMENTATION",
    })
    void theFirstRowWhoseKeywordsTheMailNamesGivesItsType(String subject, String text, String type) {
        var result = decisions
                .evaluateDecisionTableByKey(InboundMailDesk.TRIAGE, Map.of("subject", subject, "text", text))
                .getFirstResult();

        assertThat(result.<String>getEntry("requestType")).isEqualTo(type);
    }

    @Test
    void everyTypeTheTriageGivesIsARequestTypeOfTheRoutingTable() {
        var definition = repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(InboundMailDesk.TRIAGE)
                .latestVersion()
                .singleResult();
        var outputs = repository.getDmnModelInstance(definition.getId()).getModelElementsByType(OutputEntry.class);

        assertThat(outputs).isNotEmpty();
        for (var output : outputs) {
            var code = output.getTextContent().strip().replace("\"", "");
            assertThat(catalogue.find(code)).as(code).isPresent();
        }
    }
}
