package com.clientservices.desk.benchmark;

import com.clientservices.desk.cluster.DeskNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * How fast the desk does its job, beside the bare engine on the same machine, database and thread
 * counts, so the figures are ratios that hold on a noisy machine. Runs only with
 * {@code ./mvnw -Pbench verify}; prints its figures and writes them to BENCHMARKS.md. It measures
 * and reports; it asserts nothing about time.
 */
class DeskBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PG = System.getProperty("desk.test.pg", "jdbc:postgresql://localhost:5432");
    private static final List<Integer> CLIENTS = List.of(1, 4, 16);
    private static final int LIFECYCLE_CLIENTS = 4;
    private static final Duration WINDOW = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    private static final int OPEN = Integer.getInteger("bench.open", 10_000);
    private static final int DUE_AT_ONCE = Integer.getInteger("bench.due", 1_000);
    private static final int QUERY_SAMPLES = 200;
    private static final String TICKET = """
            {"memberId":1001,"requestType":"AD_SERVING","subject":"Blank placements on the homepage",
             "description":"Placement 5512 shows blanks","impact":"Lost revenue",
             "objectIds":["5512"],"environment":{"placementId":"5512"},"stepsToReproduce":"Open the homepage"}""";

    record Database(String name, String engineUrl, String deskUrl, Map<String, String> deskEnvironment) {}

    /** One measured figure per database, in the order they were measured. */
    private final Map<String, Map<String, String>> figures = new LinkedHashMap<>();

    private final List<String> databases = new ArrayList<>();

    @Test
    void measureTheDeskBesideTheBareEngine() throws Exception {
        var which = System.getProperty("bench.databases", "h2,postgresql");
        // Each database is set up only when it is measured, so an H2-only run needs no PostgreSQL.
        var all = new LinkedHashMap<String, Callable<Database>>();
        all.put("h2", DeskBenchmark::h2);
        all.put("postgresql", DeskBenchmark::postgresql);
        for (var database : all.entrySet()) {
            if (which.contains(database.getKey())) {
                measure(database.getValue().call());
                // Written after each database, so a long run that is stopped keeps what it measured.
                Files.writeString(Path.of("BENCHMARKS.md"), report());
            }
        }
        System.out.println(report());
    }

    private void measure(Database database) throws Exception {
        databases.add(database.name());
        System.out.printf("%n== %s ==%n", database.name());

        var baselineStart = new HashMap<Integer, Double>();
        var baselineCycle = new HashMap<Integer, Double>();
        try (var engine = new BaselineEngine(database.engineUrl(), "desk", "desk")) {
            var sequence = new AtomicLong();
            run(4, Duration.ofSeconds(3), () -> engine.start(sequence));
            for (var clients : CLIENTS) {
                baselineStart.put(
                        clients,
                        run(clients, WINDOW, () -> engine.start(sequence)).rate());
                baselineCycle.put(
                        clients,
                        run(clients, WINDOW, () -> {
                                    engine.startAndComplete(sequence);
                                    return null;
                                })
                                .rate());
                record(database, "Baseline: start, " + clients + " thread(s)", "%.1f /s", baselineStart.get(clients));
                record(
                        database,
                        "Baseline: start + complete, " + clients + " thread(s)",
                        "%.1f /s",
                        baselineCycle.get(clients));
            }
        }

        var node = new DeskNode(
                        "bench-" + database.name().toLowerCase(Locale.ROOT), database.deskEnvironment(), "-Xmx1g")
                .start();
        try {
            var desk = new Desk(node);
            run(4, Duration.ofSeconds(5), desk::submit);
            for (var clients : CLIENTS) {
                var intake = run(clients, WINDOW, desk::submit);
                record(
                        database,
                        "Intake (POST /api/tickets), " + clients + " client(s)",
                        "%.1f /s, p50 %.0f ms, p99 %.0f ms",
                        intake.rate(),
                        intake.percentile(50),
                        intake.percentile(99));
                record(
                        database,
                        "Intake ÷ baseline start, " + clients + " client(s) [target ≥ 0.5]",
                        "%.2f",
                        intake.rate() / baselineStart.get(clients));
            }
            var lifecycle = run(LIFECYCLE_CLIENTS, WINDOW, desk::fullLifecycle);
            record(
                    database,
                    "Full standard lifecycle, " + LIFECYCLE_CLIENTS + " clients",
                    "%.1f /s, p50 %.0f ms",
                    lifecycle.rate(),
                    lifecycle.percentile(50));
            record(
                    database,
                    "Lifecycle ÷ baseline start + complete, " + LIFECYCLE_CLIENTS + " [target ≥ 0.3]",
                    "%.2f",
                    lifecycle.rate() / baselineCycle.get(LIFECYCLE_CLIENTS));

            try (var db = DriverManager.getConnection(database.deskUrl(), "desk", "desk")) {
                var fillStarted = System.nanoTime();
                fill(desk, db);
                record(
                        database,
                        "Submitting until " + OPEN + " tickets are open (16 clients)",
                        "%.0f s",
                        (System.nanoTime() - fillStarted) / 1e9);
                timers(database, db);
            }

            var queue = desk.teamQueueFilter();
            var filter = sample(
                    () -> desk.get("cs-agent", "/engine-rest/filter/" + queue + "/list?firstResult=0&maxResults=15"));
            record(
                    database,
                    "Team-filter Tasklist query at " + OPEN + " open [target p95 ≤ 200 ms]",
                    "p50 %.0f ms, p95 %.0f ms",
                    filter.percentile(50),
                    filter.percentile(95));
            var list = sample(() -> desk.get("cs-agent", "/api/tickets"));
            record(
                    database,
                    "GET /api/tickets at " + OPEN + " open",
                    "p50 %.0f ms, p95 %.0f ms",
                    list.percentile(50),
                    list.percentile(95));
            record(
                    database,
                    "Heap in use after a full GC at " + OPEN + " open [target ≤ 512 MB]",
                    "%.0f MB",
                    desk.heapAfterGc(node.pid()) / 1024 / 1024);
        } finally {
            node.stop();
        }
    }

    /** Submits with 16 clients until the desk holds the wanted number of open tickets. */
    private void fill(Desk desk, Connection db) throws Exception {
        var pool = Executors.newFixedThreadPool(16);
        var open = new AtomicLong(openTickets(db));
        for (var i = 0; i < 16; i++) {
            pool.submit(() -> {
                while (open.get() < OPEN) {
                    desk.submit();
                    open.incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            System.out.printf("  %d open%n", openTickets(db));
        }
    }

    /**
     * Moves the acknowledgement breach timers of {@value #DUE_AT_ONCE} open tickets to one instant
     * a few seconds ahead, then reads when each breach was recorded.
     */
    private void timers(Database database, Connection db) throws Exception {
        var jobs = new ArrayList<String>();
        var tickets = new ArrayList<String>();
        try (var query = db.prepareStatement("""
                select j.id_, e.business_key_ from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
                where j.handler_cfg_ = 'Event_AcknowledgementDue' and j.lock_owner_ is null order by j.id_""");
                var rows = query.executeQuery()) {
            while (rows.next() && jobs.size() < DUE_AT_ONCE) {
                jobs.add(rows.getString(1));
                tickets.add(rows.getString(2));
            }
        }
        var due = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        db.setAutoCommit(false);
        try (var update = db.prepareStatement("update act_ru_job set duedate_ = ? where id_ = ?")) {
            for (var job : jobs) {
                update.setTimestamp(1, Timestamp.from(due));
                update.setString(2, job);
                update.addBatch();
            }
            update.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        System.out.printf("  %d breach timers due at %s%n", jobs.size(), due);

        var lateness = new ArrayList<Long>();
        var deadline = Instant.now().plus(Duration.ofMinutes(20));
        while (Instant.now().isBefore(deadline)) {
            lateness.clear();
            // One query for all breaches recorded since shortly before the due time (an early one would show).
            try (var query = db.prepareStatement("""
                    select 'CS-' || e.ticket_id, e.at from ticket_event e where e.type = 'SLA_BREACHED' and e.at > ?""")) {
                query.setTimestamp(1, Timestamp.from(due.minus(Duration.ofMinutes(10))));
                var wanted = new HashSet<>(tickets);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        if (wanted.contains(rows.getString(1))) {
                            lateness.add(
                                    Duration.between(due, rows.getTimestamp(2).toInstant())
                                            .toMillis());
                        }
                    }
                }
            }
            if (lateness.size() >= jobs.size()) {
                break;
            }
            System.out.printf("  %d of %d breaches recorded%n", lateness.size(), jobs.size());
            DeskNode.sleep(Duration.ofSeconds(5));
        }
        Collections.sort(lateness);
        var early = lateness.stream().filter(ms -> ms < 0).count();
        record(
                database,
                "Breach timers: " + jobs.size() + " due at one instant among " + OPEN + " open",
                "%d fired",
                (long) lateness.size());
        record(
                database,
                "Timer lateness (fired − due) [target p99 ≤ 5 s, none early]",
                "p50 %.1f s, p99 %.1f s, max %.1f s, early %d",
                percentile(lateness, 50) / 1000.0,
                percentile(lateness, 99) / 1000.0,
                lateness.isEmpty() ? Double.NaN : lateness.get(lateness.size() - 1) / 1000.0,
                early);
    }

    private static long openTickets(Connection db) throws SQLException {
        try (var query = db.prepareStatement(
                        "select count(*) from ticket where status not in ('CLOSED', 'REDIRECTED')");
                var rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    // ---------------------------------------------------------------------------------------------

    record Sample(long count, double seconds, List<Long> nanos) {

        double rate() {
            return count / seconds;
        }

        double percentile(int p) {
            return DeskBenchmark.percentile(nanos, p) / 1e6;
        }
    }

    /** Runs the call from that many threads for the window; every call's time is kept. */
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

    /** One client calling one after another. */
    private static Sample sample(Callable<?> call) throws Exception {
        var nanos = new ArrayList<Long>();
        for (var i = 0; i < 20; i++) {
            call.call();
        }
        var started = System.nanoTime();
        for (var i = 0; i < QUERY_SAMPLES; i++) {
            var before = System.nanoTime();
            call.call();
            nanos.add(System.nanoTime() - before);
        }
        Collections.sort(nanos);
        return new Sample(nanos.size(), (System.nanoTime() - started) / 1e9, nanos);
    }

    /** Nearest-rank percentile of a sorted list. */
    static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        var rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private void record(Database database, String measure, String format, Object... values) {
        var value = String.format(Locale.ROOT, format, values);
        figures.computeIfAbsent(measure, m -> new LinkedHashMap<>()).put(database.name(), value);
        System.out.printf("  %-75s %s%n", measure, value);
    }

    private String report() throws IOException {
        var out = new StringBuilder();
        out.append("# Benchmarks\n\n");
        out.append("Measured by `./mvnw -Pbench verify` (the desk's packaged jar on its own JVM, driven over HTTP; ")
                .append("the bare engine in the benchmark's JVM on the same database). Figures are from one run; ")
                .append("the ratios are what to compare across machines.\n\n");
        out.append("- Date: ").append(LocalDate.now()).append('\n');
        out.append("- Machine: ").append(machine()).append('\n');
        out.append("- Java ")
                .append(System.getProperty("java.version"))
                .append(", ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append('\n');
        out.append("- Windows: ")
                .append(WINDOW.toSeconds())
                .append(" s per rate; queries: ")
                .append(QUERY_SAMPLES)
                .append(" calls one after another after 20 warm-up calls\n\n");
        out.append("| measure |");
        databases.forEach(d -> out.append(' ').append(d).append(" |"));
        out.append("\n|---|");
        databases.forEach(d -> out.append("---|"));
        out.append('\n');
        figures.forEach((measure, values) -> {
            out.append("| ").append(measure).append(" |");
            databases.forEach(
                    d -> out.append(' ').append(values.getOrDefault(d, "—")).append(" |"));
            out.append('\n');
        });
        return out.toString();
    }

    private static String machine() throws IOException {
        var cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .orElse("unknown CPU");
        var memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal"))
                .findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB")
                .orElse("?");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + " RAM";
    }

    private static Database h2() throws IOException {
        var folder = Path.of("target", "bench").toAbsolutePath();
        if (Files.exists(folder)) {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(folder);
        // AUTO_SERVER lets the benchmark read the desk's file database while the desk runs.
        var desk = "jdbc:h2:file:" + folder.resolve("desk") + ";AUTO_SERVER=TRUE";
        return new Database(
                "H2",
                "jdbc:h2:file:" + folder.resolve("engine"),
                desk,
                Map.of(
                        "SPRING_DATASOURCE_URL",
                        desk,
                        "SPRING_DATASOURCE_USERNAME",
                        "desk",
                        "SPRING_DATASOURCE_PASSWORD",
                        "desk",
                        "DESK_DEMO_SAMPLE_TICKETS",
                        "false"));
    }

    private static Database postgresql() throws SQLException {
        try (var server = DriverManager.getConnection(PG + "/postgres", "desk", "desk");
                var statement = server.createStatement()) {
            for (var name : List.of("desk_bench", "desk_bench_engine")) {
                statement.execute("drop database if exists " + name + " with (force)");
                statement.execute("create database " + name);
            }
        }
        var desk = PG + "/desk_bench";
        return new Database(
                "PostgreSQL",
                PG + "/desk_bench_engine",
                desk,
                Map.of(
                        "SPRING_PROFILES_ACTIVE",
                        "postgres",
                        "DESK_DB_URL",
                        desk,
                        "DESK_DB_USER",
                        "desk",
                        "DESK_DB_PASSWORD",
                        "desk",
                        "DESK_DEMO_SAMPLE_TICKETS",
                        "false"));
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

        /** Intake, acknowledgement, diagnosis "resolved", closed. */
        Object fullLifecycle() throws IOException {
            var key = json(submit().body()).get("key").asText();
            complete(
                    task(key, "Task_AcknowledgeTicket"),
                    "{\"variables\":{\"acknowledgementNote\":{\"value\":\"On it\"}}}");
            complete(task(key, "Task_DiagnoseIssue"), """
                    {"variables":{"diagnosisOutcome":{"value":"RESOLVED"},"resolutionSummary":{"value":"Cache flushed"}}}""");
            var status = json(get("spoc-acme", "/api/tickets/" + key).body())
                    .get("status")
                    .asText();
            if (!"CLOSED".equals(status)) {
                throw new IllegalStateException(key + " is " + status + " after resolution");
            }
            return key;
        }

        String teamQueueFilter() throws IOException {
            var filters = json(get(
                            "cs-agent",
                            "/engine-rest/filter?name="
                                    + URLEncoder.encode("Client Services queue", StandardCharsets.UTF_8))
                    .body());
            return filters.get(0).get("id").asText();
        }

        double heapAfterGc(long pid) throws Exception {
            var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run")
                    .inheritIO()
                    .start()
                    .waitFor();
            var metrics = get("demo", "/actuator/prometheus").body();
            return metrics.lines()
                    .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
        }

        private String task(String key, String definition) throws IOException {
            var tasks = json(get(
                            "cs-agent",
                            "/engine-rest/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey=" + definition)
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

        HttpResponse<String> get(String user, String path) throws IOException {
            var response = send(user, "GET", path, null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response;
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

        private static JsonNode json(String body) throws IOException {
            return JSON.readTree(body);
        }
    }
}
