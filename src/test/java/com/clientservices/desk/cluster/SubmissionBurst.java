package com.clientservices.desk.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Customers submitting tickets to one node at once, each as fast as the node answers, until the
 * node is killed with SIGKILL in the middle of it: what a crash must not lose.
 */
final class SubmissionBurst {

    /** One customer's submission. */
    @FunctionalInterface
    interface Submission {
        ClusterHttp.Answer submit() throws IOException;
    }

    /**
     * What the customers were told: every ticket answered 201 (including answers that were on
     * their way when the node died), how many of them had arrived at the kill, and the calls that
     * failed or were refused.
     */
    record Outcome(List<String> answered, int answeredAtKill, int failed) {}

    private SubmissionBurst() {}

    /** Kills the node once that many tickets were answered 201, with the clients still submitting. */
    static Outcome killedAfter(DeskNode node, int clients, int answeredBeforeKill, Submission submission)
            throws InterruptedException {
        var answered = new ConcurrentLinkedQueue<String>();
        var stop = new AtomicBoolean();
        var failed = new AtomicInteger();
        var lastRefusal = new AtomicReference<String>();
        var pool = Executors.newFixedThreadPool(clients);
        try {
            for (var i = 0; i < clients; i++) {
                pool.submit(() -> {
                    while (!stop.get()) {
                        try {
                            var created = submission.submit();
                            if (created.status() == 201) {
                                answered.add(created.json().get("key").asText());
                            } else {
                                failed.incrementAndGet();
                                lastRefusal.set(created.status() + " " + created.body());
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                            DeskNode.sleep(Duration.ofMillis(50));
                        }
                    }
                    return null;
                });
            }
            try {
                DeskNode.await(
                        Duration.ofMinutes(2), Duration.ofMillis(20), () -> answered.size() >= answeredBeforeKill);
            } catch (AssertionError e) {
                throw new AssertionError(
                        answered.size() + " of " + answeredBeforeKill + " tickets answered 201 before the kill; "
                                + "last refusal: " + lastRefusal.get(),
                        e);
            }
            node.kill();
            var answeredAtKill = answered.size();
            // Answers already on their way still arrive; then the clients only reach a dead port.
            DeskNode.sleep(Duration.ofSeconds(1));
            stop.set(true);
            pool.shutdown();
            if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
                throw new AssertionError("clients still submitting two minutes after the kill");
            }
            return new Outcome(List.copyOf(answered), answeredAtKill, failed.get());
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }
}
