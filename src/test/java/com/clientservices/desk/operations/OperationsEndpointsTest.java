package com.clientservices.desk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskHttpClient;
import com.clientservices.desk.DeskTest;
import com.clientservices.desk.WebappBrowser;
import com.clientservices.desk.lifecycle.Scenario;
import com.clientservices.desk.ticket.OpenTicketMetrics;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What operations staff rely on: a health check without details for anyone, Prometheus metrics
 * of the desk's own business (open tickets, SLA warnings and breaches, notification failures) for
 * the monitoring user only, security headers on every kind of page, and sessions kept in the
 * database so that any node of a cluster serves a signed-in user.
 */
@DeskTest
class OperationsEndpointsTest {

    @Autowired
    Scenario scenario;

    @Autowired
    OpenTicketMetrics openTickets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeskHttpClient http;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void healthIsOpenToAnyoneAndTellsNothingButTheStatus() {
        var health = http.get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
        assertThat(http.get(null, "/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void metricsAreForTheMonitoringUserAndAdministratorsOnly() {
        assertThat(http.get(null, "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http.get("cs-agent", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(http.get("auditor", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(http.get("spoc-acme", "/actuator/env").status()).isEqualTo(403);
        assertThat(http.get("demo", "/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void prometheusCountsOpenTicketsByTeamAndStatusAndSlaWarningsAndBreaches() {
        scenario.at("2027-03-01T09:00:00-05:00");
        var key = scenario.submit("AD_SERVING", false);
        // Two working days later both the warning and the breach of the acknowledgement are due.
        scenario.at("2027-03-03T09:00:00-05:00");
        scenario.fireDueTimers(key);
        scenario.fireDueTimers(key);
        openTickets.refresh();

        var metrics = http.get("demo", "/actuator/prometheus", "text/plain").body();

        var openNew = jdbc.sql("select count(*) from ticket where team = 'client-services' and status = 'NEW'")
                .query(Long.class)
                .single();
        assertThat(metrics).contains("desk_tickets_open{status=\"NEW\",team=\"client-services\"} " + openNew + ".0");
        assertThat(metrics)
                .containsPattern(
                        "desk_sla_warnings_total\\{.*kind=\"ACKNOWLEDGEMENT\",team=\"client-services\"} [1-9]");
        assertThat(metrics)
                .containsPattern(
                        "desk_sla_breaches_total\\{.*kind=\"ACKNOWLEDGEMENT\",team=\"client-services\"} [1-9]");
        assertThat(metrics).contains("desk_notifications_queued");
        assertThat(metrics).contains("desk_notifications_failures_total");
    }

    @Test
    void everyKindOfPageCarriesSecurityHeaders() throws Exception {
        var api = raw("/api/request-types", "demo");
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(api.headers().firstValue("Cache-Control")).get().asString().contains("no-store");

        var login = raw("/login", null);
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");

        var tasklist = raw("/camunda/app/tasklist/default/", null);
        assertThat(tasklist.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aSignedInSessionIsKeptInTheDatabase() throws Exception {
        var browser = new WebappBrowser(http.port());
        var signIn = browser.signIn("cs-agent", "demo", "tasklist");
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);

        // Spring Session's cookie carries the session id, Base64-encoded.
        var sessionId = new String(Base64.getDecoder().decode(browser.cookie("SESSION")), StandardCharsets.UTF_8);
        assertThat(jdbc.sql("""
                select count(*) from spring_session s join spring_session_attributes a on a.session_primary_id = s.primary_id
                where s.session_id = :id
                """).param("id", sessionId).query(Long.class).single())
                .isPositive();
    }

    private URI uri(String path) {
        return http.uri(path);
    }

    private HttpResponse<String> raw(String path, String user) {
        return http.exchange(http.request(user, path));
    }
}
