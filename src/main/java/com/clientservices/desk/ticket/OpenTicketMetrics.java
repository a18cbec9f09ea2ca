package com.clientservices.desk.ticket;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Open tickets by team and status as the Prometheus gauge {@code desk_tickets_open}, read from the
 * database every few seconds, so every node of a cluster reports the same figures. Closed and
 * redirected tickets are not open: the desk has nothing left to do on them.
 */
@Component
public class OpenTicketMetrics {

    private final JdbcClient jdbc;
    private final MultiGauge open;

    OpenTicketMetrics(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.open = MultiGauge.builder("desk.tickets.open")
                .description("Open tickets by team and status")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${desk.metrics.refresh:PT15S}", initialDelayString = "${desk.metrics.refresh:PT15S}")
    public void refresh() {
        var rows = jdbc.sql("select coalesce(team, 'none') as team, status, count(*) as tickets from ticket where "
                        + TicketStatus.openIn("status") + " group by team, status")
                .query((rs, row) -> MultiGauge.Row.of(
                        Tags.of("team", rs.getString("team"), "status", rs.getString("status")), rs.getLong("tickets")))
                .list();
        open.register(rows, true);
    }
}
