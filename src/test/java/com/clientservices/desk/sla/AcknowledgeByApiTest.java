package com.clientservices.desk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** GET /api/sla/acknowledge-by answers with the calendar's due time, for anyone signed in. */
@DeskTest
class AcknowledgeByApiTest {

    @Autowired
    DeskHttpClient http;

    @ParameterizedTest(name = "{0}, emergency {1} -> {2}")
    @CsvSource({
        "2026-12-04T17:30:00-05:00, false, 2026-12-07T17:30:00-05:00",
        "2026-12-04T18:00:00-05:00, false, 2026-12-07T09:00:00-05:00",
        "2026-12-24T10:00:00-05:00, false, 2026-12-28T10:00:00-05:00",
        "2026-12-06T02:00:00-05:00, true, 2026-12-06T03:00:00-05:00",
        "2026-12-04T22:30:00Z, false, 2026-12-07T17:30:00-05:00"
    })
    void answersTheAcknowledgementDueTime(String submittedAt, boolean emergency, String expected) {
        var response = http.get(
                "spoc-acme",
                "/api/sla/acknowledge-by?submittedAt=" + submittedAt.replace("+", "%2B") + "&emergency=" + emergency);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("acknowledgeBy").asText()).isEqualTo(expected);
    }

    @Test
    void anOffsetWhosePlusWasNotEncodedIsReadAsThePlusItWas() {
        var response = http.get("spoc-acme", "/api/sla/acknowledge-by?submittedAt=2026-12-04T23:30:00+01:00");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("acknowledgeBy").asText()).isEqualTo("2026-12-07T17:30:00-05:00");
    }

    @Test
    void malformedOrMissingSubmissionTimeIsRefusedNamingTheField() {
        var malformed = http.get("cs-agent", "/api/sla/acknowledge-by?submittedAt=yesterday");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asText()).isEqualTo("submittedAt");

        var missing = http.get("cs-agent", "/api/sla/acknowledge-by");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("submittedAt");

        assertThat(http.get(null, "/api/sla/acknowledge-by?submittedAt=2026-12-04T17:30:00-05:00")
                        .status())
                .isEqualTo(401);
    }
}
