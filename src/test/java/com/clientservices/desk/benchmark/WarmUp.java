package com.clientservices.desk.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs a load until the JVM doing the work has compiled it: at least {@code bench.warm-up} seconds, then in rounds
 * of ten seconds until the JIT compiler threads of that JVM used less than {@link #SETTLED} of one processor in a
 * round, or {@code bench.warm-up-max} seconds have passed (the round under way ends first). Measured windows then
 * see the code as a desk that has run for a while runs it (README, "Benchmarks"); the floor and the desk are warmed
 * alike.
 */
final class WarmUp {

    static final Duration LEAST = Duration.ofSeconds(Long.getLong("bench.warm-up", 30));
    static final Duration MOST = Duration.ofSeconds(Long.getLong("bench.warm-up-max", 120));
    private static final Duration ROUND = Duration.ofSeconds(10);
    private static final double SETTLED = 0.05;

    private WarmUp() {}

    /** Warms that process (the desk's JVM, or this one for the floor) with the load; returns how long it took. */
    static Duration run(long pid, int threads, Callable<?> call) throws Exception {
        var started = System.nanoTime();
        Load.run(threads, LEAST, call);
        while (Duration.ofNanos(System.nanoTime() - started).compareTo(MOST) < 0) {
            var compilingBefore = compilerNanos(pid);
            var roundStarted = System.nanoTime();
            Load.run(threads, ROUND, call);
            var compilingAfter = compilerNanos(pid);
            // Per thread: a compiler thread the JVM ends takes its time along, one it starts begins at zero.
            var compiled = compilingAfter.entrySet().stream()
                    .mapToLong(thread ->
                            Math.max(0, thread.getValue() - compilingBefore.getOrDefault(thread.getKey(), 0L)))
                    .sum();
            if ((double) compiled / (System.nanoTime() - roundStarted) < SETTLED) {
                break;
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    // The processor time of each of the JVM's compiler threads so far ("C1 CompilerThre", "C2 CompilerThre", or
    // "JVMCI CompilerT…" with Graal), by thread id.
    private static Map<String, Long> compilerNanos(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return threads.filter(thread -> CpuUse.read(thread.resolve("comm")).contains("Compiler"))
                    .collect(Collectors.toMap(
                            thread -> thread.getFileName().toString(), thread -> CpuUse.ticks(thread.resolve("stat"))));
        } catch (IOException e) {
            throw new UncheckedIOException("the process " + pid + " being warmed up is gone", e);
        }
    }
}
