package com.clientservices.desk.benchmark;

import com.clientservices.desk.cluster.DeskNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits until the desk has run every job that is due (deliveries, continuations; timers of the future are not),
 * so a measurement starts from a quiet desk and is not billed for what came before it. Jobs are always given a
 * due date (application.yml, ensure-job-due-date-not-null); those without retries left wait for a person.
 */
final class DueJobs {

    private DueJobs() {}

    static void awaitNone(Connection db, Duration within) {
        DeskNode.await(within, () -> {
            try (var query =
                    db.prepareStatement("select count(*) from act_ru_job where retries_ > 0 and duedate_ <= ?")) {
                query.setTimestamp(1, Timestamp.from(Instant.now()));
                try (var rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1) == 0;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
