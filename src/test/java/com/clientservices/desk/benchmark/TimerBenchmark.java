package com.clientservices.desk.benchmark;

import com.clientservices.desk.identity.DeskUser;
import com.clientservices.desk.ticket.NewTicket;
import com.clientservices.desk.ticket.TicketIntake;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How late the acknowledgement breach timers fire when many fall due at once: the desk runs in
 * this JVM with its job executor as configured; tickets are opened through its intake (each with its
 * lifecycle and SLA timers) until that many wait for acknowledgement, then the breach timers of
 * {@code bench.due} of them are moved to one instant ten seconds ahead, and the time each
 * SLA_BREACHED event is recorded is compared with it. A few minutes per database:
 *
 * <pre>
 * ./mvnw -Pbench verify -Dit.test=TimerBenchmark [-Dbench.databases=h2|postgresql]
 *     [-Dbench.open=10000] [-Dbench.due=1000] [-Dbench.jfr=true] [-Dbench.args="--camunda.bpm…=…"]
 * </pre>
 *
 * With bench.jfr a flight recording of the burst is written to target/timer-bench-*.jfr. It measures
 * and prints; it asserts nothing about time.
 */
class TimerBenchmark {

    private static final int OPEN = Integer.getInteger("bench.open", 10_000);
    private static final int DUE_AT_ONCE = Integer.getInteger("bench.due", 1_000);
    private static final int BATCH = 50;

    private final List<String> lines = new ArrayList<>();

    @Test
    void measureTheBreachTimers() throws Exception {
        var databases = System.getProperty("bench.databases", "h2,postgresql");
        for (var database : List.of("h2", "postgresql")) {
            if (databases.contains(database)) {
                measure(database);
            }
        }
        System.out.println();
        System.out.println("== TimerBenchmark ==");
        lines.forEach(System.out::println);
    }

    private void measure(String database) throws Exception {
        try (var context = InProcessDesk.start(database, "timer-bench", Map.of(), "bench.args")) {
            var jdbc = context.getBean(JdbcTemplate.class);
            var started = System.nanoTime();
            fill(context, jdbc);
            var filled = (System.nanoTime() - started) / 1e9;
            // The job executor first does what intake left for it (the notifications' deliveries).
            jdbc.execute((ConnectionCallback<Void>) db -> {
                DueJobs.awaitNone(db, Duration.ofMinutes(10));
                return null;
            });
            var open = jdbc.queryForObject(
                    "select count(*) from ticket where status not in ('CLOSED', 'REDIRECTED')", Long.class);
            var timerJobs = jdbc.queryForObject("select count(*) from act_ru_job", Long.class);
            System.out.printf(
                    Locale.ROOT, "%s: %d open, %d jobs, filled in %.0f s%n", database, open, timerJobs, filled);
            burst(database, jdbc, open, timerJobs);
        }
    }

    /** Opens tickets through the intake, a batch per transaction, until that many await acknowledgement. */
    private static void fill(ConfigurableApplicationContext context, JdbcTemplate jdbc) {
        var intake = context.getBean(TicketIntake.class);
        var transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        var contact = new DeskUser("spoc-acme", Set.of("customers"));
        var submitted = 0;
        while (submitted < OPEN) {
            var from = submitted;
            var to = Math.min(OPEN, submitted + BATCH);
            transactions.executeWithoutResult(status -> {
                for (var n = from; n < to; n++) {
                    intake.submit(ticket(n), contact);
                }
            });
            submitted = to;
            if (submitted % 1000 == 0) {
                System.out.printf("  %d submitted%n", submitted);
            }
        }
    }

    private void burst(String database, JdbcTemplate jdbc, long open, long jobCount) throws Exception {
        Recording recording = null;
        if (Boolean.getBoolean("bench.jfr")) {
            recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setDestination(Path.of("target", "timer-bench-" + database + ".jfr"));
            recording.start();
        }
        var burst = BreachBurst.run(jdbc, DUE_AT_ONCE, Duration.ofMinutes(10));
        if (recording != null) {
            recording.stop();
            recording.close();
        }
        var line = String.format(
                Locale.ROOT, "%-10s %6d open, %6d jobs: lateness %s", database, open, jobCount, burst.words());
        System.out.println(line);
        lines.add(line);
    }

    private static NewTicket ticket(int n) {
        return InProcessDesk.probeTicket("Timer probe", n, "AD_SERVING", false);
    }
}
