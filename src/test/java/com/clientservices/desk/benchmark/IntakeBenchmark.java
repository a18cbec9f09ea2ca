package com.clientservices.desk.benchmark;

import com.clientservices.desk.cluster.DeskNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Ticket intake alone, beside its engine floor: {@code POST /api/tickets} against the packaged jar
 * at 1 and 4 clients (p50, p99, rate), the bare engine starting the desk's own support-request
 * model with the same deployment and variables at 1, 4 and 16 threads ({@link ModelFloorEngine}),
 * and the rows one ticket writes from submission to closure. Runs in a few minutes:
 * {@code ./mvnw -Pbench verify -Dit.test=IntakeBenchmark} (H2; add
 * {@code -Dbench.databases=h2,postgresql} with scripts/postgres.sh running). It measures and
 * prints; it asserts nothing about time.
 */
class IntakeBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PG = System.getProperty("desk.test.pg", "jdbc:postgresql://localhost:5432");
    private static final Duration WINDOW = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    private static final int ROW_TICKETS = Integer.getInteger("bench.row-tickets", 10);
    private static final String TICKET = """
            {"memberId":1001,"requestType":"AD_SERVING","subject":"Blank placements on the homepage",
             "description":"Placement 5512 shows blanks","impact":"Lost revenue",
             "objectIds":["5512"],"environment":{"placementId":"5512"},"stepsToReproduce":"Open the homepage"}""";

    private record Database(String name, String engineUrl, String deskUrl, Map<String, String> deskEnvironment) {}

    private final List<String> lines = new ArrayList<>();

    @Test
    void measureIntakeBesideItsEngineFloor() throws Exception {
        var which = System.getProperty("bench.databases", "h2");
        if (which.contains("h2")) {
            measure(h2());
        }
        if (which.contains("postgresql")) {
            measure(postgresql());
        }
        System.out.printf("%n== Intake summary ==%n");
        lines.forEach(System.out::println);
    }

    private void measure(Database database) throws Exception {
        System.out.printf("%n== %s ==%n", database.name());
        var floor = new TreeMap<Integer, Double>();
        try (var engine = new ModelFloorEngine(database.engineUrl(), "desk", "desk")) {
            var sequence = new AtomicLong();
            run(4, Duration.ofSeconds(5), () -> engine.start(sequence));
            for (var threads : List.of(1, 4, 16)) {
                var sample = run(threads, WINDOW, () -> engine.start(sequence));
                floor.put(threads, sample.rate());
                record(database, "Engine floor: start support-request, " + threads + " thread(s)", sample);
            }
        }

        var node = new DeskNode(
                        "bench-intake-" + database.name().toLowerCase(Locale.ROOT),
                        database.deskEnvironment(),
                        "-Xmx1g")
                .start();
        try {
            var desk = new Desk(node);
            run(4, Duration.ofSeconds(10), desk::submit);
            for (var clients : List.of(1, 4)) {
                var intake = run(clients, WINDOW, desk::submit);
                record(database, "Intake (POST /api/tickets), " + clients + " client(s)", intake);
                line(
                        database,
                        "Intake ÷ engine floor, " + clients + " client(s)" + (clients == 4 ? " [target ≥ 0.6]" : ""),
                        String.format(Locale.ROOT, "%.2f", intake.rate() / floor.get(clients)));
            }
            try (var db = DriverManager.getConnection(database.deskUrl(), "desk", "desk")) {
                rowsPerTicket(database, desk, db);
            }
        } finally {
            node.stop();
        }
    }

    /**
     * Rows per ticket, engine and desk tables, runtime and history: {@value #ROW_TICKETS}-ticket
     * averages of what intake (with its notification delivered) and then acknowledgement, diagnosis
     * "resolved" and closure add. On PostgreSQL the rows written (inserted, updated, deleted, from
     * the server's statistics); on H2 the rows the tables hold afterwards.
     */
    private void rowsPerTicket(Database database, Desk desk, Connection db) throws Exception {
        var postgres = db.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
        settle(db, postgres);
        var before = counts(db, postgres);
        var keys = new ArrayList<String>();
        for (var i = 0; i < ROW_TICKETS; i++) {
            keys.add(json(desk.submit().body()).get("key").asText());
        }
        settle(db, postgres);
        var submitted = counts(db, postgres);
        for (var key : keys) {
            desk.close(key);
        }
        settle(db, postgres);
        var closed = counts(db, postgres);
        var what = postgres ? "rows written (ins+upd+del)" : "rows held";
        var intake = difference(before, submitted);
        var closure = difference(submitted, closed);
        line(database, "Per ticket at intake, " + what, total(intake) + "  " + top(intake));
        line(database, "Per ticket, acknowledgement to closure, " + what, total(closure) + "  " + top(closure));
        line(database, "Per ticket, submission to closure, " + what, total(difference(before, closed)));
    }

    /** Waits until no message job (notification delivery) is left, then for the statistics. */
    private static void settle(Connection db, boolean postgres) throws Exception {
        DeskNode.await(Duration.ofMinutes(2), () -> {
            try (var query = db.prepareStatement("select count(*) from act_ru_job where type_ = 'message'");
                    var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 0;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
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

    private static Map<String, Double> difference(Map<String, Long> from, Map<String, Long> to) {
        var per = new TreeMap<String, Double>();
        to.forEach((table, count) -> {
            var delta = count - from.getOrDefault(table, 0L);
            if (delta != 0) {
                per.put(table, delta / (double) ROW_TICKETS);
            }
        });
        return per;
    }

    private static String total(Map<String, Double> per) {
        return String.format(
                Locale.ROOT,
                "%.1f",
                per.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    private static String top(Map<String, Double> per) {
        var out = new StringBuilder("(");
        per.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(Locale.ROOT, "%s %.1f, ", e.getKey(), e.getValue())));
        return out.append(')').toString().replace(", )", ")");
    }

    // ---------------------------------------------------------------------------------------------

    private record Sample(long count, double seconds, List<Long> nanos) {
        double rate() {
            return count / seconds;
        }

        double percentile(int p) {
            return DeskBenchmark.percentile(nanos, p) / 1e6;
        }
    }

    private static Sample run(int threads, Duration window, Callable<?> call) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        var nanos = new ConcurrentLinkedQueue<Long>();
        var started = System.nanoTime();
        var end = started + window.toNanos();
        var futures = new ArrayList<Future<?>>();
        for (var i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    var before = System.nanoTime();
                    call.call();
                    nanos.add(System.nanoTime() - before);
                }
                return null;
            }));
        }
        for (var future : futures) {
            future.get();
        }
        pool.shutdown();
        var seconds = (System.nanoTime() - started) / 1e9;
        var sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Sample(sorted.size(), seconds, sorted);
    }

    private void record(Database database, String measure, Sample sample) {
        line(
                database,
                measure,
                String.format(
                        Locale.ROOT,
                        "%.1f /s, p50 %.1f ms, p99 %.1f ms (n=%d)",
                        sample.rate(),
                        sample.percentile(50),
                        sample.percentile(99),
                        sample.count()));
    }

    private void line(Database database, String measure, String value) {
        var line = String.format(Locale.ROOT, "  %-11s %-62s %s", database.name(), measure, value);
        lines.add(line);
        System.out.println(line);
    }

    private static Database h2() throws IOException {
        var folder = Path.of("target", "bench-intake").toAbsolutePath();
        if (Files.exists(folder)) {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(folder);
        // The desk's own settings for its file database (application.yml), and AUTO_SERVER so the
        // benchmark can count rows while the desk runs.
        var desk =
                "jdbc:h2:file:" + folder.resolve("desk") + ";WRITE_DELAY=0;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
        return new Database(
                "H2",
                "jdbc:h2:file:" + folder.resolve("engine") + ";WRITE_DELAY=0",
                desk,
                Map.of(
                        "SPRING_DATASOURCE_URL", desk,
                        "SPRING_DATASOURCE_USERNAME", "desk",
                        "SPRING_DATASOURCE_PASSWORD", "desk",
                        "DESK_DEMO_SAMPLE_TICKETS", "false"));
    }

    private static Database postgresql() throws SQLException {
        try (var server = DriverManager.getConnection(PG + "/postgres", "desk", "desk");
                var statement = server.createStatement()) {
            for (var name : List.of("desk_intake_bench", "desk_intake_bench_engine")) {
                statement.execute("drop database if exists " + name + " with (force)");
                statement.execute("create database " + name);
            }
        }
        var desk = PG + "/desk_intake_bench";
        return new Database(
                "PostgreSQL",
                PG + "/desk_intake_bench_engine",
                desk,
                Map.of(
                        "SPRING_PROFILES_ACTIVE", "postgres",
                        "DESK_DB_URL", desk,
                        "DESK_DB_USER", "desk",
                        "DESK_DB_PASSWORD", "desk",
                        "DESK_DEMO_SAMPLE_TICKETS", "false"));
    }

    private static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    /** The desk over HTTP as its demo users. */
    private record Desk(DeskNode node) {

        HttpResponse<String> submit() throws IOException {
            var created = send("spoc-acme", "POST", "/api/tickets", TICKET);
            if (created.statusCode() != 201) {
                throw new IllegalStateException("intake answered " + created.statusCode() + ": " + created.body());
            }
            return created;
        }

        /** Acknowledgement, diagnosis "resolved", closed. */
        void close(String key) throws IOException {
            complete(
                    task(key, "Task_AcknowledgeTicket"),
                    "{\"variables\":{\"acknowledgementNote\":{\"value\":\"On it\"}}}");
            complete(task(key, "Task_DiagnoseIssue"), """
                    {"variables":{"diagnosisOutcome":{"value":"RESOLVED"},"resolutionSummary":{"value":"Cache flushed"}}}""");
            var status = json(send("spoc-acme", "GET", "/api/tickets/" + key, null)
                            .body())
                    .get("status")
                    .asText();
            if (!"CLOSED".equals(status)) {
                throw new IllegalStateException(key + " is " + status + " after resolution");
            }
        }

        private String task(String key, String definition) throws IOException {
            var tasks = json(send(
                            "cs-agent",
                            "GET",
                            "/engine-rest/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey=" + definition,
                            null)
                    .body());
            return tasks.get(0).get("id").asText();
        }

        private void complete(String task, String variables) throws IOException {
            var done = send("cs-agent", "POST", "/engine-rest/task/" + task + "/complete", variables);
            if (done.statusCode() != 204) {
                throw new IllegalStateException(
                        "completing " + task + " answered " + done.statusCode() + ": " + done.body());
            }
        }

        private HttpResponse<String> send(String user, String method, String path, String body) throws IOException {
            var request = HttpRequest.newBuilder(URI.create(node.base() + path))
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(2))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}
