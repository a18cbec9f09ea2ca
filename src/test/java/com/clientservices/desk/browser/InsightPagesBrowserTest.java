package com.clientservices.desk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.Tickets;
import com.clientservices.desk.sla.SlaTargets;
import com.clientservices.desk.ticket.TicketRepository;
import com.microsoft.playwright.Locator;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The insight pages of docs/specification.md §14 in a real headless Chromium, with screenshots in
 * target/browser-screenshots/: a manager's SLA board as the clock moves, an auditor's timeline in words.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightPagesBrowserTest {

    @Autowired
    DeskHttpClient http;

    @Autowired
    TicketRepository tickets;

    @Autowired
    SlaTargets targets;

    Chromium chromium;

    @BeforeAll
    void startChromium() {
        chromium = new Chromium(http.port(), "insight");
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aManagersBoardShowsATicketMovingIntoItsWarningWindowWhenTheClockMoves() {
        var key = Tickets.submit(http, "Board in a browser: placements blank");
        var target = targets.ofTicket(tickets.findByKey(key).orElseThrow().id()).get(0);
        var manager = chromium.desk("cs-manager");

        ClockUtil.setCurrentTime(Date.from(target.warningAt().toInstant().minus(Duration.ofMinutes(10))));
        manager.navigate(chromium.url("/board"));
        var row = manager.locator("tr[data-ticket='" + key + "']");
        assertThat(row.locator("td.state")).hasText("On track");
        assertThat(row.locator("td.left")).hasText("in 1 h 10 min");
        chromium.shot(manager, "manager-board-ticket-on-track");

        ClockUtil.setCurrentTime(Date.from(target.warningAt().toInstant().plus(Duration.ofMinutes(2))));
        manager.reload();
        assertThat(row.locator("td.state")).hasText("In warning window");
        assertThat(row.locator("td.left")).hasText("in 58 min");
        assertThat(row).hasClass("warning");
        assertThat(manager.locator("#teams")).containsText("Client Services");
        chromium.shot(manager, "manager-board-ticket-in-warning-window");

        row.locator("a", new Locator.LocatorOptions().setHasText(key)).click();
        assertThat(manager.locator("#timeline")).containsText("Response-time target started");
        assertThat(manager.locator("#timeline")).containsText("Acknowledgement due by");
        assertThat(manager.locator("#timeline")).not().containsText("SLA_TARGET_STARTED");
        chromium.shot(manager, "manager-opens-the-ticket-timeline-in-words");
    }
}
