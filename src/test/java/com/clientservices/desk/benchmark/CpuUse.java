package com.clientservices.desk.benchmark;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The processor time a window cost, per call, read from Linux's process table: the process doing the work (the
 * desk's JVM, or this JVM for the engine floor), PostgreSQL's processes, and the whole machine. A window's rate
 * and latency move with the machine's state; its processor time per call is the desk's work, so two runs can be
 * told apart (README, "Benchmarks").
 */
final class CpuUse {

    // Linux reports process times in clock ticks of 1/100 s (USER_HZ).
    private static final long TICK_NANOS = 10_000_000L;

    private final long worker;
    private final long workerAtStart;
    private final long postgresAtStart;
    private final long machineAtStart;

    private CpuUse(long worker) {
        this.worker = worker;
        this.workerAtStart = processNanos(worker);
        this.postgresAtStart = postgresNanos();
        this.machineAtStart = machineBusyNanos();
    }

    /** Starts counting for that process (the desk's JVM, or {@link ProcessHandle#current()}'s pid). */
    static CpuUse of(long pid) {
        return new CpuUse(pid);
    }

    /** What the window cost per call since the start, in words. */
    String perCall(long calls, boolean postgres) {
        var perCall = 1e6 * Math.max(calls, 1);
        var words = String.format(
                Locale.ROOT,
                "%s %.1f ms",
                worker == ProcessHandle.current().pid() ? "engine" : "desk",
                (processNanos(worker) - workerAtStart) / perCall);
        if (postgres) {
            var server = postgresNanos() - postgresAtStart;
            // Backends that ended within the window took their time along, sometimes more than the rest used.
            words += server < 0
                    ? ", PostgreSQL unknown"
                    : String.format(Locale.ROOT, ", PostgreSQL %.1f ms", server / perCall);
        }
        return words + String.format(Locale.ROOT, ", machine %.1f ms", (machineBusyNanos() - machineAtStart) / perCall);
    }

    private static long processNanos(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            var os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof OperatingSystemMXBean bean) {
                return bean.getProcessCpuTime();
            }
        }
        return ticks(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    // PostgreSQL's server and backends on this machine; a backend that ends within the window takes its time along.
    private static long postgresNanos() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> "postgres".equals(read(p.resolve("comm")).strip()))
                    .mapToLong(p -> ticks(p.resolve("stat")))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    // User, nice, system, interrupt and soft-interrupt time of every processor (/proc/stat's first line), not the
    // idle and waiting time: everything that ran on the machine, this benchmark's clients included.
    private static long machineBusyNanos() {
        var fields =
                read(Path.of("/proc/stat")).lines().findFirst().orElse("cpu").split("\\s+");
        var busy = 0L;
        for (var i : new int[] {1, 2, 3, 6, 7}) {
            busy += i < fields.length ? Long.parseLong(fields[i]) : 0;
        }
        return busy * TICK_NANOS;
    }

    // utime and stime, the 14th and 15th fields, counted after the command name in parentheses.
    static long ticks(Path stat) {
        var text = read(stat);
        var close = text.lastIndexOf(')');
        if (close < 0) {
            return 0;
        }
        var fields = text.substring(close + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
