package com.clientservices.desk.benchmark;

import com.clientservices.desk.DeskApplication;
import com.clientservices.desk.ticket.NewTicket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The desk started in the benchmark's JVM on a fresh database: an H2 file under target/ with the
 * desk's own settings, or a PostgreSQL database dropped and created for the run.
 */
final class InProcessDesk {

    private static final String PG = System.getProperty("desk.test.pg", "jdbc:postgresql://localhost:5432");

    private InProcessDesk() {}

    /**
     * Starts the desk with its demo users and no sample tickets. {@code settings} go to the desk as
     * arguments, so they win over application.yml, and so do the words of the system property
     * {@code argsProperty} (e.g. {@code --logging.level.…=DEBUG}).
     */
    static ConfigurableApplicationContext start(
            String database, String name, Map<String, Object> settings, String argsProperty)
            throws IOException, SQLException {
        var properties = demoWith(settings);
        var builder = new SpringApplicationBuilder(DeskApplication.class);
        if (database.equals("h2")) {
            var folder = Path.of("target", name).toAbsolutePath();
            if (Files.exists(folder)) {
                try (var files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(folder);
            properties.put(
                    "spring.datasource.url",
                    "jdbc:h2:file:" + folder.resolve("desk")
                            + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=512");
        } else {
            var schema = "desk_" + name.replaceAll("\\W", "_");
            try (var server = DriverManager.getConnection(PG + "/postgres", "desk", "desk");
                    var statement = server.createStatement()) {
                statement.execute("drop database if exists " + schema + " with (force)");
                statement.execute("create database " + schema);
            }
            onPostgres(builder, properties, schema);
        }
        return run(builder, properties, argsProperty);
    }

    /** The demo users, no sample tickets, quiet logs, a free port; then {@code settings}, which win. */
    private static Map<String, Object> demoWith(Map<String, Object> settings) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("server.port", 0);
        properties.put("desk.demo.enabled", true);
        properties.put("desk.demo.sample-tickets", false);
        properties.put("logging.level.root", "WARN");
        properties.putAll(settings);
        return properties;
    }

    /**
     * Starts the desk on a PostgreSQL database that outlives the run: created when missing, kept
     * with what an earlier run left in it (a benchmark whose filling takes long measures again on it).
     */
    static ConfigurableApplicationContext startKeeping(
            String schema, boolean fresh, Map<String, Object> settings, String argsProperty) throws SQLException {
        try (var server = DriverManager.getConnection(PG + "/postgres", "desk", "desk");
                var statement = server.createStatement()) {
            if (fresh) {
                statement.execute("drop database if exists " + schema + " with (force)");
            }
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + schema + "'");
            if (!exists.next()) {
                statement.execute("create database " + schema);
            }
        }
        var properties = demoWith(settings);
        var builder = new SpringApplicationBuilder(DeskApplication.class);
        onPostgres(builder, properties, schema);
        return run(builder, properties, argsProperty);
    }

    private static void onPostgres(SpringApplicationBuilder builder, Map<String, Object> properties, String schema) {
        builder.profiles("postgres");
        properties.put("spring.datasource.url", PG + "/" + schema);
        properties.put("spring.datasource.username", "desk");
        properties.put("spring.datasource.password", "desk");
    }

    private static ConfigurableApplicationContext run(
            SpringApplicationBuilder builder, Map<String, Object> properties, String argsProperty) {
        var arguments = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        var extra = System.getProperty(argsProperty, "").strip();
        if (!extra.isEmpty()) {
            arguments = Stream.concat(Arrays.stream(arguments), Arrays.stream(extra.split("\\s+")))
                    .toArray(String[]::new);
        }
        return builder.run(arguments);
    }

    /** The n-th request of a benchmark, as a contact of member 1001 would submit it. */
    static NewTicket probeTicket(String probe, int n, String requestType, boolean emergency) {
        return new NewTicket(
                1001L,
                requestType,
                probe + " " + n + ": placements show blanks",
                "Placement 5512 returns empty creatives on about 30% of impressions.",
                "Lost impressions on our largest campaign.",
                emergency,
                emergency ? "+1 212 555 0100" : null,
                emergency ? List.of("PRODUCTION_FEATURE_BROKEN_NO_WORKAROUND") : null,
                List.of("placement:5512"),
                Map.of("memberId", "1001"),
                "1. Open the placement preview. 2. Reload ten times.",
                "Firefox 128",
                "Windows 11",
                null);
    }
}
