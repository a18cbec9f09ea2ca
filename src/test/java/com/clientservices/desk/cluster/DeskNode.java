package com.clientservices.desk.cluster;

import com.clientservices.desk.LoopbackPort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One instance of the packaged desk (the jar {@code ./mvnw package} builds) as its own
 * operating-system process on its own port, so a test can kill it with SIGKILL; in the prod
 * profile or the default mode for the cluster suite, in any configuration for the benchmarks.
 */
public final class DeskNode {

    static final String ADMIN = "desk-admin";
    static final String ADMIN_PASSWORD = "Cluster-admin-2026!";
    /** The suite's nodes share a small machine with each other and the test. */
    private static final String[] SUITE_JVM = {"-Xmx768m", "-XX:+UseSerialGC"};

    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path log;
    private Path folder;
    private Process process;

    /** A node with exactly this environment (Spring Boot reads its settings from it). */
    public DeskNode(String name, Map<String, String> environment, String... jvmOptions) {
        this.name = name;
        this.port = LoopbackPort.free();
        this.log = Path.of("target", "cluster-logs", name + ".log");
        // One log per node and run; a restart of the node appends to it.
        log.toFile().delete();
        var env = new HashMap<>(environment);
        env.put("DESK_PORT", String.valueOf(port));
        env.put("SERVER_PORT", String.valueOf(port));
        this.environment = env;
        this.jvmOptions = List.of(jvmOptions);
    }

    /** A prod-profile node of the cluster suite. */
    DeskNode(String name, String databaseUrl, int smtpPort, Map<String, String> extra) {
        this(name, prodEnvironment(databaseUrl, smtpPort, extra), SUITE_JVM);
    }

    /**
     * A node in the default run mode (docs/specification.md §10: no profile, demo users, the H2 file database of
     * application.yml), working in that folder, so its database is that folder's ./data.
     */
    static DeskNode defaultMode(String name, Path folder, Map<String, String> extra) {
        var node = new DeskNode(name, extra, SUITE_JVM);
        node.folder = folder;
        return node;
    }

    private static Map<String, String> prodEnvironment(String databaseUrl, int smtpPort, Map<String, String> extra) {
        var env = new HashMap<String, String>();
        env.put("SPRING_PROFILES_ACTIVE", "prod");
        env.put("DESK_DB_URL", databaseUrl);
        env.put("DESK_DB_USER", "desk");
        env.put("DESK_DB_PASSWORD", "desk");
        env.put("DESK_ADMIN_USER", ADMIN);
        env.put("DESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("DESK_SMTP_HOST", "127.0.0.1");
        env.put("DESK_SMTP_PORT", String.valueOf(smtpPort));
        env.put("DESK_SMTP_AUTH", "false");
        env.put("DESK_SMTP_STARTTLS", "false");
        env.put("DESK_MAIL_FROM", "Client Services Desk <desk@clientservices.example>");
        // A killed node's jobs go to the other node after 15 s instead of a minute.
        env.put("DESK_JOB_LOCK_MILLIS", "15000");
        env.put("DESK_METRICS_REFRESH", "PT2S");
        env.putAll(extra);
        return env;
    }

    public String name() {
        return name;
    }

    public String base() {
        return "http://localhost:" + port;
    }

    /** Starts the node and waits until it answers as ready. */
    public DeskNode start() {
        startProcess();
        awaitReady(Duration.ofMinutes(3));
        return this;
    }

    /** Starts the process and waits for it to end, for a start that must fail; returns its output. */
    String startExpectingFailure(Duration within) throws Exception {
        startProcess();
        if (!process.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not stop within " + within);
        }
        if (process.exitValue() == 0) {
            throw new AssertionError(name + " stopped normally instead of refusing to start");
        }
        return Files.readString(log);
    }

    private void startProcess() {
        try {
            Files.createDirectories(log.getParent());
            var command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.timezone=UTC"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar()));
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (folder != null) {
                builder.directory(folder.toFile());
            }
            // The node runs in the profile its own environment names, never in one the test run inherited.
            builder.environment().remove("SPRING_PROFILES_ACTIVE");
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
    }

    private void awaitReady(Duration within) {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " stopped while starting; see " + log.toAbsolutePath());
            }
            try {
                var response = client.send(
                        HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new AssertionError(name + " was not ready within " + within + "; see " + log.toAbsolutePath());
    }

    public long pid() {
        return process.pid();
    }

    public boolean isUp() {
        return process != null && process.isAlive();
    }

    /** kill -9: no shutdown hook, no graceful close of connections or transactions. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    static String jar() {
        var jar = System.getProperty("desk.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("no packaged desk at " + jar + ": run ./mvnw -Pcluster verify");
        }
        return jar;
    }

    /** Waits until the condition holds, checking every half second; fails after that long. */
    public static void await(Duration within, BooleanSupplier condition) {
        await(within, Duration.ofMillis(500), condition);
    }

    public static void await(Duration within, Duration poll, BooleanSupplier condition) {
        var deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + within);
            }
            sleep(poll);
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
