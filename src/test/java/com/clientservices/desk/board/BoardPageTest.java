package com.clientservices.desk.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.PageBrowser;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.lifecycle.Scenario;
import com.clientservices.desk.sla.SlaTargets;
import com.clientservices.desk.ticket.TicketRepository;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The managers' SLA board (docs/specification.md §14) as a browser gets it, with the desk's clock moved. On a desk
 * of its own: the shared test desk holds hundreds of running targets from other tests, and the board lists the most
 * urgent first.
 */
@DeskTest
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=board", "camunda.bpm.webapp.enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BoardPageTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> System.getProperty(
                        "desk.test.mail-database-url",
                        "jdbc:h2:mem:desk-board;DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH"));
    }

    @Autowired
    DeskHttpClient http;

    @Autowired
    TicketRepository tickets;

    @Autowired
    SlaTargets targets;

    @Autowired
    Scenario scenario;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aTicketMovesFromOnTrackIntoItsWarningWindowAndThenOverdueAsTheClockMoves() throws Exception {
        // Submitted inside working hours, so its acknowledgement has a warning window whenever the test runs
        // (docs/specification.md §6: outside them it is due at the opening, with no separate warning).
        ClockUtil.setCurrentTime(
                Date.from(OffsetDateTime.parse("2026-12-01T10:00:00-05:00").toInstant()));
        var key = Tickets.submit(http, "Board: placements blank");
        var target = targets.ofTicket(tickets.findByKey(key).orElseThrow().id()).get(0);
        var manager = PageBrowser.signIn(http, "cs-manager");

        ClockUtil.setCurrentTime(Date.from(target.warningAt().toInstant().minus(Duration.ofMinutes(5))));
        var onTrack = row(manager.get("/board").body(), key);
        assertThat(onTrack).contains("class=\"on-track\"").contains("On track").contains("Acknowledgement");

        ClockUtil.setCurrentTime(Date.from(target.warningAt().toInstant().plus(Duration.ofMinutes(1))));
        var board = manager.get("/board");
        assertThat(board.statusCode()).isEqualTo(200);
        var warning = row(board.body(), key);
        assertThat(warning)
                .contains("class=\"warning\"")
                .contains("In warning window")
                .contains("Client Services")
                .contains("in 59 min")
                .contains("href=\"/audit/tickets/" + key + "\"")
                .containsPattern("href=\"/camunda/app/tasklist/default/#/\\?task=[0-9a-f-]+\"");
        assertThat(board.body())
                .doesNotContain("http-equiv=\"refresh\"")
                .contains("<input type=\"checkbox\" id=\"reload\" checked data-seconds=\"60\">")
                .contains("<script src=\"/js/board.js\" defer></script>")
                .containsPattern("As of <strong>\\w{3} \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}:\\d{2} E[SD]T</strong>");

        ClockUtil.setCurrentTime(Date.from(target.dueAt().toInstant().plus(Duration.ofMinutes(12))));
        var overdue = row(manager.get("/board").body(), key);
        assertThat(overdue).contains("class=\"overdue\"").contains("Overdue").contains("overdue by 12 min");
    }

    @Test
    void emergenciesAreListedAboveEveryStandardTicket() throws Exception {
        Tickets.submit(http, "Board: a standard ticket first");
        var emergency =
                Tickets.submit(http, Tickets.CONTACT, Tickets.emergency("AD_SERVING", "Board: an emergency after it"));
        var body = PageBrowser.signIn(http, "auditor").get("/board").body();
        var firstRow = body.substring(body.indexOf("<tbody>", body.indexOf("id=\"targets\"")));
        var firstKey = Pattern.compile("data-ticket=\"(CS-\\d+)\"").matcher(firstRow);
        assertThat(firstKey.find()).isTrue();
        assertThat(row(body, firstKey.group(1))).contains("Emergency");
        assertThat(row(body, emergency)).contains("Emergency · ");
    }

    @Test
    void aManagerNarrowsTheListToOneTeamAndTheCountsStillShowEveryTeam() throws Exception {
        var clientServices = Tickets.submit(http, "Board: a Client Services ticket");
        var adQuality = Tickets.submit(http, "spoc-acme", 1001, "CREATIVE_AUDITING", "Board: an Ad Quality ticket");
        var manager = PageBrowser.signIn(http, "cs-manager");

        var page = manager.get("/board?team=ad-quality");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-ticket=\"" + adQuality + "\"")
                .doesNotContain("data-ticket=\"" + clientServices + "\"")
                .contains("<option value=\"ad-quality\" selected=\"selected\">Ad Quality</option>");
        assertThat(page.body().substring(page.body().indexOf("id=\"teams\"")))
                .contains("<th scope=\"row\">Client Services</th>");
        assertThat(manager.get("/board?team=nobody").statusCode()).isEqualTo(400);
    }

    @Test
    void anOpenTicketWithNoRunningTargetIsCountedAndListedWithItsStatus() throws Exception {
        var manager = PageBrowser.signIn(http, "cs-manager");
        var before = clientServicesCounts(manager.get("/board").body());

        var waiting = Tickets.submit(http, "Board: waiting on the customer");
        scenario.askCustomer(waiting, "Which placements?");
        var diagnosed = Tickets.submit(http, "Board: in diagnosis");
        scenario.acknowledge(diagnosed);
        var body = manager.get("/board").body();

        var untimed = body.substring(body.indexOf("id=\"untimed\""));
        assertThat(row(untimed, waiting))
                .contains("Waiting on the customer")
                .contains("Client Services")
                .as("no task is open while the customer answers")
                .doesNotContain("Open in Tasklist");
        assertThat(row(untimed, diagnosed))
                .contains("Acknowledged")
                .as("its diagnosis, due by the next-response rule but with no target")
                .containsPattern("href=\"/camunda/app/tasklist/default/#/\\?task=[0-9a-f-]+\"");
        assertThat(body.substring(body.indexOf("id=\"targets\""), body.indexOf("id=\"untimed\"")))
                .as("no running target")
                .doesNotContain("data-ticket=\"" + waiting + "\"");
        var after = clientServicesCounts(body);
        assertThat(after[0]).as("open tickets").isEqualTo(before[0] + 2);
        assertThat(after[1]).as("running targets").isEqualTo(before[1]);
        assertThat(manager.get("/board?team=ad-quality").body()).doesNotContain("data-ticket=\"" + waiting + "\"");
    }

    /** Client Services' open tickets and running targets in the board's table of teams. */
    private static long[] clientServicesCounts(String body) {
        var teams = body.substring(body.indexOf("id=\"teams\""));
        var row = teams.substring(teams.indexOf("<th scope=\"row\">Client Services</th>"));
        var counts = Pattern.compile("<td>(\\d+)</td>\\s*<td>(\\d+)</td>").matcher(row);
        assertThat(counts.find()).as(row).isTrue();
        return new long[] {Long.parseLong(counts.group(1)), Long.parseLong(counts.group(2))};
    }

    @Test
    void agentsAndCustomersDoNotSeeTheBoard() throws Exception {
        assertThat(PageBrowser.signIn(http, "cs-agent").get("/board").statusCode())
                .isEqualTo(403);
        assertThat(PageBrowser.signIn(http, "spoc-acme").get("/board").statusCode())
                .isEqualTo(403);
    }

    private static String row(String page, String key) {
        var start = page.indexOf("data-ticket=\"" + key + "\"");
        assertThat(start).as("a row for " + key).isPositive();
        var open = page.lastIndexOf("<tr", start);
        return page.substring(open, page.indexOf("</tr>", start));
    }
}
