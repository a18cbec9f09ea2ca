package com.clientservices.desk.benchmark;

import com.clientservices.desk.identity.DeskUser;
import com.clientservices.desk.ticket.NewTicket;
import com.clientservices.desk.ticket.TicketIntake;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.TaskState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast an agent's team queue answers in Tasklist as open tickets pile up: the team filter
 * ("Client Services queue") and "Emergencies first", asked for as {@code cs-agent} (a
 * client-services agent, with the desk's authorizations) the three ways Tasklist and its users ask:
 * the plain list of the first 15, its count, and the page Tasklist itself requests (HAL, with the
 * count and the list entries' variables). Tickets are submitted through the desk's intake in the
 * same JVM (no HTTP), all for the agent's team or spread over the five teams, and the queries are
 * measured at each size. Runs only on request, in a few minutes per database:
 *
 * <pre>
 * ./mvnw -Pbench verify -Dit.test=QueueBenchmark [-Dbench.databases=h2|postgresql|h2,postgresql]
 *     [-Dqueue.sizes=1000,5000,10000] [-Dqueue.spreads=one-team,five-teams] [-Dqueue.samples=100]
 * </pre>
 *
 * It measures and prints; it asserts nothing about time.
 */
class QueueBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<Integer> SIZES = Arrays.stream(
                    System.getProperty("queue.sizes", "1000,5000,10000").split(","))
            .map(String::strip)
            .map(Integer::valueOf)
            .toList();
    private static final List<String> SPREADS =
            List.of(System.getProperty("queue.spreads", "one-team,five-teams").split(","));
    private static final int SAMPLES = Integer.getInteger("queue.samples", 100);
    private static final int WARM_UP = 10;
    private static final int BATCH = 50;
    /** A request type routed to each team; the agent's own team (client-services) first. */
    private static final List<String> TEAM_TYPES =
            List.of("AD_SERVING", "CREATIVE_AUDITING", "ANTI_MALVERTISING", "INVENTORY_QUALITY", "APP_BUG");

    private static final List<String> TEAMS =
            List.of("client-services", "ad-quality", "anti-malvertising", "inventory-quality", "app-support");
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    /** One ticket in this many is an emergency, so "Emergencies first" has something to put first. */
    private static final int EMERGENCY_EVERY = 25;

    private static final String TEAM_QUEUE = "Client Services queue";
    private static final String EMERGENCIES = "Emergencies first";
    /** What Tasklist posts when an agent opens a filter (cam-tasklist-view-ctrl.js). */
    private static final String TASKLIST_BODY = """
            {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],\
            "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""";

    private final BenchmarkReport.Table table = new BenchmarkReport.Table();

    @Test
    void measureTheTeamQueues() throws Exception {
        var databases = System.getProperty("bench.databases", "h2,postgresql");
        for (var database : List.of("h2", "postgresql")) {
            if (!databases.contains(database)) {
                continue;
            }
            for (var spread : SPREADS) {
                measure(database, spread.strip());
            }
        }
        BenchmarkReport.write("queue", "A team's Tasklist queue (" + LocalDate.now() + ")", TEXT, table);
    }

    private static final String TEXT = """
            `QueueBenchmark`: the desk in the benchmark's JVM on a fresh database, its tickets' open \
            tasks opened through the engine's task API (SLA due times, priorities, the team as \
            candidate group with the engine's per-task grants, the list entries' variables), all \
            in `cs-agent`'s team (Client Services) or spread over the five teams. At each size, \
            `cs-agent` asks for the "Client Services queue" and "Emergencies first" filters: the \
            first 15 (`GET /engine-rest/filter/{id}/list?firstResult=0&maxResults=15`, the \
            target), their count, and the page Tasklist itself posts when an agent opens the \
            filter (HAL, with the count and the list entries' variables). %d calls one after \
            another after %d warm-up calls, a write between calls as on a desk in use; p50 / p95 \
            in milliseconds. The target is p95 ≤ 200 ms on H2 and ≤ 100 ms on PostgreSQL at 10,000 \
            open tickets in one team.
            """.formatted(SAMPLES, WARM_UP);

    private void measure(String database, String spread) throws Exception {
        // Anything else for the desk, e.g.
        // -Dqueue.args="--logging.level.org.camunda.bpm.engine.impl.persistence.entity.TaskEntity=DEBUG"
        try (var context = InProcessDesk.start(
                database, "queue-bench-" + spread, Map.of("camunda.bpm.job-execution.enabled", false), "queue.args")) {
            var desk = new Desk(context);
            var jdbc = context.getBean(JdbcTemplate.class);
            jdbc.execute("create table queue_bench_tick (n int)");
            jdbc.update("insert into queue_bench_tick values (0)");
            // A desk in use changes its data all the time; without a write between two calls H2 would
            // answer a repeated query from its last result.
            Runnable change = () -> jdbc.update("update queue_bench_tick set n = n + 1");
            var teamQueue = desk.filter(TEAM_QUEUE);
            var emergencies = desk.filter(EMERGENCIES);
            var submitted = 0;
            for (var size : SIZES) {
                var started = System.nanoTime();
                submitted = desk.fill(submitted, size, spread);
                var inQueue = desk.openTasksOf("client-services");
                System.out.printf(
                        Locale.ROOT,
                        "%s %s: %d tickets open (%d tasks in the agent's team) after %.0f s of filling%n",
                        database,
                        spread,
                        size,
                        inQueue,
                        (System.nanoTime() - started) / 1e9);
                for (var filter : List.of(Map.entry(TEAM_QUEUE, teamQueue), Map.entry(EMERGENCIES, emergencies))) {
                    var path = "/engine-rest/filter/" + filter.getValue();
                    var list = sample(
                            change, () -> desk.call("GET", path + "/list?firstResult=0&maxResults=15", null, null));
                    var count = sample(change, () -> desk.call("GET", path + "/count", null, null));
                    var tasklist = sample(
                            change,
                            () -> desk.call(
                                    "POST",
                                    path + "/list?firstResult=0&maxResults=15",
                                    "application/hal+json",
                                    TASKLIST_BODY));
                    var name = database.equals("h2") ? "H2" : "PostgreSQL";
                    var what = filter.getKey() + ", " + spread.replace('-', ' ') + ", "
                            + String.format(Locale.ROOT, "%,d", size) + " open";
                    var limit = name.equals("H2") ? 200 : 100;
                    if (size == 10_000 && spread.equals("one-team")) {
                        table.target(
                                filter.getKey()
                                        + ", first 15, 10,000 open in one team: p95 ≤ 200 ms (H2), ≤ 100 ms (PostgreSQL)",
                                name,
                                figure(list),
                                list.percentile(95) <= limit);
                    } else {
                        table.put(what + ": first 15", name, figure(list));
                    }
                    table.put(what + ": count", name, figure(count));
                    table.put(what + ": Tasklist page (HAL, count, variables)", name, figure(tasklist));
                }
            }
        }
    }

    /** The in-process desk: its intake for filling, its engine REST API over its port for measuring. */
    private static final class Desk {

        private final ConfigurableApplicationContext context;
        private final TicketIntake intake;
        private final TransactionTemplate transactions;
        private final String base;
        private final String agent;
        private final DeskUser contact = new DeskUser("spoc-acme", Set.of("customers"));

        Desk(ConfigurableApplicationContext context) {
            this.context = context;
            this.intake = context.getBean(TicketIntake.class);
            this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            this.base = "http://localhost:"
                    + ((WebServerApplicationContext) context).getWebServer().getPort();
            this.agent =
                    "Basic " + Base64.getEncoder().encodeToString("cs-agent:demo".getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Opens tickets until that many are open, a batch per transaction: by default as the rows the
         * queue's query reads (each ticket's open task with its SLA due time and priority, its team
         * as candidate group with the per-task authorizations the engine grants for it, and the
         * list entry's variables), through the engine's task API; with -Dqueue.fill=intake through
         * the desk's intake and its processes (realistic, but far slower).
         */
        int fill(int submitted, int size, String spread) {
            var viaIntake = "intake".equals(System.getProperty("queue.fill"));
            var engine = context.getBean(ProcessEngine.class);
            var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                    .getCommandExecutorTxRequired();
            while (submitted < size) {
                var from = submitted;
                var to = Math.min(size, submitted + (viaIntake ? BATCH : 500));
                if (viaIntake) {
                    transactions.executeWithoutResult(status -> {
                        for (var n = from; n < to; n++) {
                            intake.submit(ticket(n, spread), contact);
                        }
                    });
                } else {
                    commands.execute(command -> {
                        for (var n = from; n < to; n++) {
                            openTask(n, spread);
                        }
                        return null;
                    });
                }
                submitted = to;
            }
            return submitted;
        }

        /** One ticket's open task, as the engine's task API makes it, in the command of its batch. */
        private static void openTask(int n, String spread) {
            var team = spread.equals("one-team") ? TEAMS.get(0) : TEAMS.get(n % TEAMS.size());
            var emergency = n % EMERGENCY_EVERY == EMERGENCY_EVERY - 1;
            var task = new TaskEntity((String) null);
            task.setName("CS-" + n + " · Acknowledge ticket · Queue probe " + n + ": placements show blanks");
            // SLA due times spread over the coming weeks, in no order of creation.
            task.setDueDate(Date.from(START.plus((n * 7919L) % (30 * 24 * 60), ChronoUnit.MINUTES)));
            task.setPriority(emergency ? 80 : 50);
            task.insert();
            task.fireAuthorizationProvider();
            task.transitionTo(TaskState.STATE_CREATED);
            // Grants the team READ and TASK_WORK on this task, as for every task of the desk's models.
            task.addCandidateGroup(team);
            task.setVariablesLocal(
                    Map.of("customerName", "Acme Media", "requestTypeLabel", "Observed ad serving issues"));
        }

        long openTasksOf(String team) {
            return context.getBean(TaskService.class)
                    .createTaskQuery()
                    .taskCandidateGroup(team)
                    .count();
        }

        private static NewTicket ticket(int n, String spread) {
            var type = spread.equals("one-team") ? TEAM_TYPES.get(0) : TEAM_TYPES.get(n % TEAM_TYPES.size());
            var emergency = n % EMERGENCY_EVERY == EMERGENCY_EVERY - 1;
            return InProcessDesk.probeTicket("Queue probe", n, type, emergency);
        }

        String filter(String name) throws IOException {
            var body = call(
                    "GET", "/engine-rest/filter?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), null, null);
            return JSON.readTree(body).get(0).get("id").asText();
        }

        String call(String method, String path, String accept, String body) throws IOException {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", agent)
                    .header("Accept", accept == null ? "application/json" : accept)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(2))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }

    private static Load.Sample sample(Runnable change, Callable<?> call) throws Exception {
        return Load.sample(WARM_UP, SAMPLES, change, call);
    }

    private static String figure(Load.Sample sample) {
        return String.format(Locale.ROOT, "p50 %.0f, p95 %.0f", sample.percentile(50), sample.percentile(95));
    }
}
