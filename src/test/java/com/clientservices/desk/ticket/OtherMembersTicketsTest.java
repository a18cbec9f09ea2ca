package com.clientservices.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * To a customer's contact, another member's ticket answers exactly like a ticket that does not
 * exist (docs/specification.md §8), on every call that takes a key, so nobody can find out which keys are in use.
 */
@DeskTest
class OtherMembersTicketsTest {

    @Autowired
    DeskHttpClient http;

    String acmeKey;

    @BeforeEach
    void acmeTicket() {
        acmeKey = Tickets.submit(http, "Only Acme's");
    }

    @Test
    void anotherMembersTicketAnswersLikeOneThatDoesNotExist() {
        var missing = "CS-99999999";
        for (var call : new String[][] {
            {"GET", "/api/tickets/{key}", null},
            {"POST", "/api/tickets/{key}/replies", "{\"message\":\"Is this yours?\"}"},
            {"GET", "/api/tickets/{key}/attachments", null},
            {"GET", "/api/tickets/{key}/attachments/1", null},
            {"GET", "/api/tickets/{key}/history", null}
        }) {
            var foreign = http.send("spoc-globex", call[0], call[1].replace("{key}", acmeKey), call[2]);
            var absent = http.send("spoc-globex", call[0], call[1].replace("{key}", missing), call[2]);

            assertThat(foreign.status())
                    .as("%s %s: %s", call[0], call[1], foreign.body())
                    .isEqualTo(absent.status());
            assertThat(foreign.status()).as(call[1]).isIn(403, 404);
            assertThat(foreign.body().replace(acmeKey, "KEY"))
                    .as(call[1])
                    .isEqualTo(absent.body().replace(missing, "KEY"));
        }
        assertThat(http.get("spoc-globex", "/api/tickets/" + acmeKey).status()).isEqualTo(404);
        assertThat(http.get("spoc-acme", "/api/tickets/" + acmeKey).status())
                .as("its own contact reads it")
                .isEqualTo(200);
        assertThat(http.get("aq-agent", "/api/tickets/" + acmeKey).status())
                .as("staff are told they lack permission")
                .isEqualTo(403);
    }
}
