package com.clientservices.desk.benchmark;

import com.clientservices.desk.cluster.DeskNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How fast the desk does its job, beside its engine floor: the bare engine in the benchmark's JVM
 * on the same database running the desk's own models ({@link ModelFloorEngine}), so the ratios hold
 * on a noisy machine. Runs only with {@code ./mvnw -Pbench verify}; prints its figures and writes
 * its section of BENCHMARKS.md after each database ({@link BenchmarkReport}). It measures and
 * reports; it asserts nothing about time.
 */
class DeskBenchmark {

    private static final String PG = System.getProperty("desk.test.pg", "jdbc:postgresql://localhost:5432");
    private static final List<Integer> CLIENTS = List.of(1, 4, 16);
    private static final int LIFECYCLE_CLIENTS = 4;
    private static final Duration WINDOW = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    private static final int OPEN = Integer.getInteger("bench.open", 10_000);
    private static final int DUE_AT_ONCE = Integer.getInteger("bench.due", 1_000);
    private static final int ROW_TICKETS = Integer.getInteger("bench.row-tickets", 10);
    private static final int QUERY_SAMPLES = 200;
    /** "intake" (engine floor, intake, lifecycle, rows per ticket), "load" (10,000 open: timers, queries, heap). */
    private static final String PARTS = System.getProperty("bench.parts", "intake,load");

    record Database(String name, String engineUrl, String deskUrl, Map<String, String> deskEnvironment) {}

    /**
     * Waits until the desk's job executor has caught up (no job due), so that a window is not billed
     * for the message deliveries the window before it left; those of its own run within it.
     */
    private static void settle(Database database) throws SQLException {
        try (var db = DriverManager.getConnection(database.deskUrl(), "desk", "desk")) {
            DueJobs.awaitNone(db, Duration.ofMinutes(5));
        }
    }

    private final BenchmarkReport.Table table = new BenchmarkReport.Table();

    @Test
    void measureTheDeskBesideItsEngineFloor() throws Exception {
        var which = System.getProperty("bench.databases", "h2,postgresql");
        // Each database is set up only when it is measured, so an H2-only run needs no PostgreSQL.
        var all = new LinkedHashMap<String, Callable<Database>>();
        all.put("h2", DeskBenchmark::h2);
        all.put("postgresql", DeskBenchmark::postgresql);
        for (var database : all.entrySet()) {
            if (which.contains(database.getKey())) {
                measure(database.getValue().call());
                // Written after each database, so a long run that is stopped keeps what it measured.
                BenchmarkReport.write(
                        "desk", "Intake, lifecycle, SLA timers and heap (" + LocalDate.now() + ")", TEXT, table);
            }
        }
    }

    private static final String TEXT = """
            `DeskBenchmark`: the packaged desk on its own JVM (`-Xmx1g`), driven over HTTP as its demo \
            users, beside its **engine floor**: the bare engine (same version, full history) in the \
            benchmark's JVM on the same kind of database, deploying the desk's own `processes/` and \
            `forms/` and starting `support-request` with the variables the desk's intake gives it \
            (routing decision, standard lifecycle, its timers and task included; the desk's beans \
            replaced by stand-ins that set what the models read next). The floor's lifecycle \
            completes the acknowledgement and a "resolved" diagnosis through the Java API; the \
            desk's goes through `POST /api/tickets` and the engine REST API as `cs-agent`, and is \
            checked CLOSED. Rates are over %d s windows after a warm-up (intake and lifecycle each get \
            their own, on the floor and on the desk alike) of at least %d s, longer until the JIT \
            compiler threads of the JVM doing the work use less than 5 %% of a processor over 10 s (at \
            most about %d s; the table gives each one's length), each window starting once the desk has \
            delivered what the window before it queued; p50/p99 are per call. Processor time per \
            ticket is read from Linux's process table for the window (the desk's, until its deliveries \
            have run): the desk's JVM or the benchmark's (the floor runs in it, with its threads \
            calling), PostgreSQL's processes, and everything on the machine, the clients included. \
            The floor runs no job executor; the desk's figure includes its job acquisition polling \
            while its deliveries run out. \
            Rows per ticket are averages over %d tickets. Then the desk is filled to %,d open \
            tickets through its intake (16 clients), the acknowledgement-breach timers of %,d of \
            them are moved to one instant 10 s ahead, and lateness is the time the breach is \
            recorded (`ticket_event`) minus that instant.
            """.formatted(
            WINDOW.toSeconds(), WarmUp.LEAST.toSeconds(), WarmUp.MOST.toSeconds(), ROW_TICKETS, OPEN, DUE_AT_ONCE);

    private void measure(Database database) throws Exception {
        var name = database.name();
        System.out.printf("%n== %s ==%n", name);
        var floorStart = new HashMap<Integer, Double>();
        var floorLifecycle = 0.0;
        var postgres = name.equals("PostgreSQL");
        var bench = ProcessHandle.current().pid();
        if (PARTS.contains("intake")) {
            try (var engine = new ModelFloorEngine(database.engineUrl(), "desk", "desk")) {
                var sequence = new AtomicLong();
                table.put("Warm-up: floor's start", name, seconds(WarmUp.run(bench, 4, () -> engine.start(sequence))));
                for (var threads : CLIENTS) {
                    var cpu = CpuUse.of(bench);
                    var start = Load.run(threads, WINDOW, () -> engine.start(sequence));
                    floorStart.put(threads, start.rate());
                    table.put("Engine floor: start support-request, " + threads + " thread(s)", name, rated(start));
                    table.put(
                            "Processor time per ticket: floor's start, " + threads + " thread(s)",
                            name,
                            cpu.perCall(start.count(), postgres));
                }
                table.put(
                        "Warm-up: floor's lifecycle",
                        name,
                        seconds(WarmUp.run(bench, LIFECYCLE_CLIENTS, () -> engine.lifecycle(sequence))));
                var cpu = CpuUse.of(bench);
                var lifecycle = Load.run(LIFECYCLE_CLIENTS, WINDOW, () -> engine.lifecycle(sequence));
                floorLifecycle = lifecycle.rate();
                table.put(
                        "Engine floor: standard lifecycle, " + LIFECYCLE_CLIENTS + " threads", name, rated(lifecycle));
                table.put(
                        "Processor time per ticket: floor's lifecycle", name, cpu.perCall(lifecycle.count(), postgres));
            }
        }

        var node = new DeskNode("bench-" + name.toLowerCase(Locale.ROOT), database.deskEnvironment(), "-Xmx1g").start();
        try {
            var desk = new HttpDesk(node);
            if (PARTS.contains("intake")) {
                table.put("Warm-up: desk's intake", name, seconds(WarmUp.run(node.pid(), 4, desk::submit)));
                for (var clients : CLIENTS) {
                    settle(database);
                    var cpu = CpuUse.of(node.pid());
                    var intake = Load.run(clients, WINDOW, desk::submit);
                    table.put("Intake (POST /api/tickets), " + clients + " client(s)", name, rated(intake));
                    // The window's deliveries included: they run on after it.
                    settle(database);
                    table.put(
                            "Processor time per ticket: desk's intake, " + clients + " client(s)",
                            name,
                            cpu.perCall(intake.count(), postgres));
                    var ratio = intake.rate() / floorStart.get(clients);
                    if (clients == 1) {
                        table.target(
                                "Intake p50 with one client ≤ 40 ms",
                                name,
                                format("%.0f ms", intake.percentile(50)),
                                intake.percentile(50) <= 40);
                    }
                    if (clients == 4) {
                        table.target(
                                "Intake at 4 clients ≥ 0.6 × engine floor",
                                name,
                                format("%.2f ×", ratio),
                                ratio >= 0.6);
                    } else {
                        table.put("Intake ÷ engine floor, " + clients + " client(s)", name, format("%.2f ×", ratio));
                    }
                }
                // Completing tasks runs code intake never ran; like intake, it is measured warm.
                table.put(
                        "Warm-up: desk's lifecycle",
                        name,
                        seconds(WarmUp.run(node.pid(), LIFECYCLE_CLIENTS, desk::fullLifecycle)));
                settle(database);
                var cpu = CpuUse.of(node.pid());
                var lifecycle = Load.run(LIFECYCLE_CLIENTS, WINDOW, desk::fullLifecycle);
                table.put("Full standard lifecycle, " + LIFECYCLE_CLIENTS + " clients", name, rated(lifecycle));
                settle(database);
                table.put(
                        "Processor time per ticket: desk's lifecycle", name, cpu.perCall(lifecycle.count(), postgres));
                var ratio = lifecycle.rate() / floorLifecycle;
                table.target(
                        "Standard lifecycle at 4 clients ≥ 0.5 × engine floor",
                        name,
                        format("%.2f ×", ratio),
                        ratio >= 0.5);
                try (var db = DriverManager.getConnection(database.deskUrl(), "desk", "desk")) {
                    new RowsPerTicket(ROW_TICKETS).measure(name, desk, db, table);
                }
            }
            if (PARTS.contains("load")) {
                try (var db = DriverManager.getConnection(database.deskUrl(), "desk", "desk")) {
                    var fillStarted = System.nanoTime();
                    fill(desk, db);
                    table.put(
                            "Submitting until " + OPEN + " tickets are open (16 clients)",
                            name,
                            format("%.0f s", (System.nanoTime() - fillStarted) / 1e9));
                    timers(name, db);
                }
                var queue = desk.filter("Client Services queue");
                var filter = Load.sample(
                        20,
                        QUERY_SAMPLES,
                        () -> {},
                        () -> desk.get(
                                "cs-agent", "/engine-rest/filter/" + queue + "/list?firstResult=0&maxResults=15"));
                table.put(
                        "Team queue, first 15, at " + OPEN + " open (real tickets; QueueBenchmark has the sizes)",
                        name,
                        format("p50 %.0f ms, p95 %.0f ms", filter.percentile(50), filter.percentile(95)));
                var list = Load.sample(20, QUERY_SAMPLES, () -> {}, () -> desk.get("cs-agent", "/api/tickets"));
                table.put(
                        "GET /api/tickets at " + OPEN + " open",
                        name,
                        format("p50 %.0f ms, p95 %.0f ms", list.percentile(50), list.percentile(95)));
                var heap = desk.heapAfterGc() / 1024 / 1024;
                table.target(
                        format("Heap after a full GC at %,d open ≤ 512 MB", OPEN),
                        name,
                        format("%.0f MB", heap),
                        heap <= 512);
            }
        } finally {
            node.stop();
        }
    }

    private static String rated(Load.Sample sample) {
        return format("%.1f /s, p50 %.0f ms, p99 %.0f ms", sample.rate(), sample.percentile(50), sample.percentile(99));
    }

    private static String seconds(Duration duration) {
        return format("%d s", duration.toSeconds());
    }

    private static String format(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }

    /** Submits with 16 clients until the desk holds the wanted number of open tickets. */
    private void fill(HttpDesk desk, Connection db) throws Exception {
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

    /** {@value #DUE_AT_ONCE} breach timers due at one instant among the open tickets. */
    private void timers(String database, Connection db) throws Exception {
        var burst = BreachBurst.run(
                new JdbcTemplate(new SingleConnectionDataSource(db, true)), DUE_AT_ONCE, Duration.ofMinutes(20));
        table.put(
                "Breach timers: " + burst.moved() + " due at one instant among " + OPEN + " open",
                database,
                format("%d fired", (long) burst.lateness().size()));
        table.target(
                format("SLA timers: %,d due at once among %,d open, p99 lateness ≤ 5 s, none early", DUE_AT_ONCE, OPEN),
                database,
                burst.words(),
                burst.seconds(99) <= 5 && burst.early() == 0 && burst.lateness().size() == burst.moved());
    }

    private static long openTickets(Connection db) throws SQLException {
        try (var query = db.prepareStatement(
                        "select count(*) from ticket where status not in ('CLOSED', 'REDIRECTED')");
                var rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Database h2() throws IOException {
        var folder = Path.of("target", "bench").toAbsolutePath();
        if (Files.exists(folder)) {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(folder);
        // The desk's own settings for its file database (application.yml: every commit written before
        // it returns), for the desk and its engine floor alike; AUTO_SERVER lets the benchmark read
        // the desk's database while the desk runs.
        var settings = ";WRITE_DELAY=0;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=512";
        var desk = "jdbc:h2:file:" + folder.resolve("desk") + settings + ";AUTO_SERVER=TRUE";
        return new Database(
                "H2",
                "jdbc:h2:file:" + folder.resolve("engine") + settings,
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
}
