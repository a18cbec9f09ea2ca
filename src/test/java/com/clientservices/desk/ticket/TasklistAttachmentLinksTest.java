package com.clientservices.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.WebappBrowser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attachment links of a task form (GET /tasklist/tickets/{key}/attachments/{id}) take the
 * Tasklist sign-in and the API's read rule (docs/specification.md §13): the ticket's team opens the
 * file, another team is refused, and without a session nobody gets it.
 */
@DeskTest
class TasklistAttachmentLinksTest {

    @Autowired
    DeskHttpClient http;

    @Test
    void onlyTheTicketsTeamSignedInToTasklistOpensTheFile() {
        var key = Tickets.submit(http, "Attachment link from Tasklist");
        var attached = http.attach(Tickets.CONTACT, key, "shot.png", "image/png", Tickets.PNG);
        assertThat(attached.statusCode()).isEqualTo(201);
        var id = http.get(Tickets.CONTACT, "/api/tickets/" + key + "/attachments")
                .json()
                .get(0)
                .path("id")
                .asText();
        var link = "/tasklist/tickets/" + key + "/attachments/" + id;

        var team = new WebappBrowser(http.port());
        assertThat(team.signIn("cs-agent", "demo", "tasklist").statusCode()).isEqualTo(200);
        var opened = team.send("GET", link, null, Map.of());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment")
                .contains("shot.png");
        assertThat(team.send("GET", "/tasklist/tickets/" + key + "/attachments/999999", null, Map.of())
                        .statusCode())
                .isEqualTo(404);

        var otherTeam = new WebappBrowser(http.port());
        assertThat(otherTeam.signIn("aq-agent", "demo", "tasklist").statusCode())
                .isEqualTo(200);
        assertThat(otherTeam.send("GET", link, null, Map.of()).statusCode()).isEqualTo(403);

        assertThat(http.get(null, link).status()).as("no Tasklist session").isEqualTo(401);
    }
}
