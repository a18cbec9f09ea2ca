package com.clientservices.desk.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** How the benchmarks call: many threads for a window, or one caller a number of times. */
final class Load {

    private Load() {}

    /** Every call's time in nanoseconds, sorted, and the rate over the window. */
    record Sample(long count, double seconds, List<Long> nanos) {

        double rate() {
            return count / seconds;
        }

        /** Nearest-rank percentile in milliseconds. */
        double percentile(int p) {
            return Load.percentile(nanos, p) / 1e6;
        }
    }

    /** Runs the call from that many threads for the window; every call's time is kept. */
    static Sample run(int threads, Duration window, Callable<?> call) throws Exception {
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
        try {
            for (var future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        var sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Sample(sorted.size(), seconds, sorted);
    }

    /** One caller, one call after another: {@code warmUp} unmeasured, then {@code samples} measured. */
    static Sample sample(int warmUp, int samples, Runnable before, Callable<?> call) throws Exception {
        for (var i = 0; i < warmUp; i++) {
            before.run();
            call.call();
        }
        var nanos = new ArrayList<Long>();
        var started = System.nanoTime();
        for (var i = 0; i < samples; i++) {
            before.run();
            var at = System.nanoTime();
            call.call();
            nanos.add(System.nanoTime() - at);
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
}
