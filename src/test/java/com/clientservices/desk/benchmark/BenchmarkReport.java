package com.clientservices.desk.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BENCHMARKS.md: one section per benchmark, each replaced when its benchmark runs again, and at the
 * top a summary of every target the sections measured, with the figure and whether it is met. A
 * section keeps its targets in comments, so a benchmark run alone (one database, one benchmark)
 * updates its own part and the summary without losing the others.
 */
final class BenchmarkReport {

    /** Sections in the order they are read, whatever order they ran in. */
    private static final List<String> ORDER = List.of("desk", "queue");

    private static final Pattern SECTION =
            Pattern.compile("<!-- section (\\w+) -->\n(.*?)<!-- end \\1 -->\n", Pattern.DOTALL);
    private static final Pattern TARGET = Pattern.compile("<!-- target (.*?) \\| (.*?) \\| (.*?) \\| (met|missed) -->");
    private static final Path FILE = Path.of("BENCHMARKS.md");

    /** One target's figure on one database. */
    record Target(String target, String database, String figure, boolean met) {

        String comment() {
            return "<!-- target " + target + " | " + database + " | " + figure + " | " + (met ? "met" : "missed")
                    + " -->\n";
        }
    }

    /** A section's figures: one row per measure, one column per database. */
    static final class Table {

        private final Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        private final List<String> databases = new ArrayList<>();
        private final List<Target> targets = new ArrayList<>();

        void put(String measure, String database, String figure) {
            if (!databases.contains(database)) {
                databases.add(database);
            }
            rows.computeIfAbsent(measure, m -> new LinkedHashMap<>()).put(database, figure);
            System.out.printf("  %-11s %-75s %s%n", database, measure, figure);
        }

        /** A figure measured against a target; {@code met} is decided by the caller from the numbers. */
        void target(String target, String database, String figure, boolean met) {
            put(target, database, figure + (met ? " (met)" : " (**missed**)"));
            targets.add(new Target(target, database, figure, met));
        }

        boolean isEmpty() {
            return rows.isEmpty();
        }

        String markdown() {
            var out = new StringBuilder("| measure |");
            databases.forEach(d -> out.append(' ').append(d).append(" |"));
            out.append("\n|---|");
            databases.forEach(d -> out.append("---|"));
            out.append('\n');
            rows.forEach((measure, values) -> {
                out.append("| ").append(measure).append(" |");
                databases.forEach(
                        d -> out.append(' ').append(values.getOrDefault(d, "—")).append(" |"));
                out.append('\n');
            });
            targets.forEach(t -> out.append(t.comment()));
            return out.toString();
        }
    }

    private BenchmarkReport() {}

    /**
     * Replaces one section of BENCHMARKS.md (its heading, its text and its table) and rebuilds the
     * summary of targets from every section in the file.
     */
    static synchronized void write(String id, String heading, String text, Table table) throws IOException {
        var sections = new TreeMap<String, String>((a, b) -> rank(a) != rank(b) ? rank(a) - rank(b) : a.compareTo(b));
        if (Files.exists(FILE)) {
            Matcher m = SECTION.matcher(Files.readString(FILE));
            while (m.find()) {
                sections.put(m.group(1), m.group(2));
            }
        }
        sections.put(id, "## " + heading + "\n\n" + text.strip() + "\n\n" + table.markdown() + "\n");
        var targets = new ArrayList<Target>();
        for (var body : sections.values()) {
            Matcher t = TARGET.matcher(body);
            while (t.find()) {
                targets.add(new Target(
                        t.group(1), t.group(2), t.group(3), t.group(4).equals("met")));
            }
        }
        var out = new StringBuilder(header());
        out.append(summary(targets));
        sections.forEach((name, body) -> out.append("<!-- section ")
                .append(name)
                .append(" -->\n")
                .append(body)
                .append("<!-- end ")
                .append(name)
                .append(" -->\n"));
        Files.writeString(FILE, out.toString());
    }

    private static int rank(String id) {
        var at = ORDER.indexOf(id);
        return at < 0 ? ORDER.size() : at;
    }

    private static String header() throws IOException {
        return """
                # Benchmarks

                Measured by `./mvnw -Pbench verify` on this machine (%s; Java %s, %s %s), last \
                written %s. Each section says what it measured and when it ran; the targets are \
                issue 20's, and the summary gathers every figure measured against one.

                """.formatted(
                        machine(),
                        System.getProperty("java.version"),
                        System.getProperty("os.name"),
                        System.getProperty("os.arch"),
                        LocalDate.now());
    }

    private static String summary(List<Target> targets) {
        var databases = new ArrayList<String>();
        var rows = new LinkedHashMap<String, Map<String, Target>>();
        for (var target : targets) {
            if (!databases.contains(target.database())) {
                databases.add(target.database());
            }
            rows.computeIfAbsent(target.target(), t -> new LinkedHashMap<>()).put(target.database(), target);
        }
        var met = targets.stream().filter(Target::met).count();
        var out = new StringBuilder("## Targets\n\n")
                .append(met)
                .append(" of ")
                .append(targets.size())
                .append(" figures meet their target.\n\n| target |");
        databases.forEach(d -> out.append(' ').append(d).append(" |"));
        out.append("\n|---|");
        databases.forEach(d -> out.append("---|"));
        out.append('\n');
        rows.forEach((name, values) -> {
            out.append("| ").append(name).append(" |");
            databases.forEach(d -> {
                var target = values.get(d);
                out.append(' ')
                        .append(target == null ? "—" : target.figure() + (target.met() ? " · met" : " · **missed**"))
                        .append(" |");
            });
            out.append('\n');
        });
        return out.append('\n').toString();
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
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", " + memory + " RAM";
    }
}
