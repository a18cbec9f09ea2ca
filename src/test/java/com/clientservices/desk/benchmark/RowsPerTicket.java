package com.clientservices.desk.benchmark;

import com.clientservices.desk.cluster.DeskNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows per ticket, engine and desk tables, runtime and history: averages over a few tickets of what
 * intake (with its notification delivered) writes, and then acknowledgement, diagnosis "resolved"
 * and closure. On PostgreSQL the rows written (inserted, updated, deleted, from the server's
 * statistics); on H2 the rows the tables hold afterwards.
 */
final class RowsPerTicket {

    private final int tickets;

    RowsPerTicket(int tickets) {
        this.tickets = tickets;
    }

    void measure(String database, HttpDesk desk, Connection db, BenchmarkReport.Table table) throws Exception {
        var postgres = db.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
        settle(db, postgres);
        var before = counts(db, postgres);
        var keys = new ArrayList<String>();
        for (var i = 0; i < tickets; i++) {
            keys.add(desk.key(desk.submit()));
        }
        settle(db, postgres);
        var submitted = counts(db, postgres);
        for (var key : keys) {
            desk.close(key);
        }
        settle(db, postgres);
        var closed = counts(db, postgres);
        var what = postgres ? "rows written (inserted + updated + deleted)" : "rows held";
        var intake = difference(before, submitted);
        var closure = difference(submitted, closed);
        table.put("Rows per ticket at intake", database, total(intake) + " " + what + " " + top(intake));
        table.put(
                "Rows per ticket, acknowledgement to closure",
                database,
                total(closure) + " " + what + " " + top(closure));
        table.put("Rows per ticket, submission to closure", database, total(difference(before, closed)) + " " + what);
    }

    /** Waits until every due job (the deliveries) has run, then for the statistics. */
    private static void settle(Connection db, boolean postgres) {
        DueJobs.awaitNone(db, Duration.ofMinutes(2));
        // PostgreSQL's backends report their statistics when idle, within about ten seconds.
        DeskNode.sleep(Duration.ofSeconds(postgres ? 12 : 2));
    }

    private static Map<String, Long> counts(Connection db, boolean postgres) throws SQLException {
        var counts = new TreeMap<String, Long>();
        if (postgres) {
            try (var query = db.prepareStatement(
                            "select relname, n_tup_ins + n_tup_upd + n_tup_del from pg_stat_user_tables");
                    var rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getLong(2));
                }
            }
            return counts;
        }
        var tables = new ArrayList<String>();
        try (var rows = db.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        for (var table : tables) {
            try (var query = db.prepareStatement("select count(*) from \"" + table + "\"");
                    var rows = query.executeQuery()) {
                rows.next();
                counts.put(table.toLowerCase(Locale.ROOT), rows.getLong(1));
            }
        }
        return counts;
    }

    private Map<String, Double> difference(Map<String, Long> from, Map<String, Long> to) {
        var per = new TreeMap<String, Double>();
        to.forEach((table, count) -> {
            var delta = count - from.getOrDefault(table, 0L);
            if (delta != 0) {
                per.put(table, delta / (double) tickets);
            }
        });
        return per;
    }

    private static String total(Map<String, Double> per) {
        return String.format(
                Locale.ROOT,
                "%.0f",
                per.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    /** The tables by rows, most first, the first eight. */
    private static String top(Map<String, Double> per) {
        var out = new StringBuilder("(");
        per.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(8)
                .forEach(e -> out.append(String.format(Locale.ROOT, "%s %.0f, ", e.getKey(), e.getValue())));
        return out.append(')').toString().replace(", )", ")");
    }
}
