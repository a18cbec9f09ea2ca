package com.clientservices.desk.engine;

import java.time.Instant;

/**
 * Work a model step leaves to a job of its own ({@link DeferredJobs#defer}), to run after the step's
 * transaction has committed and after the jobs of a higher priority that are due, such as SLA timers.
 * A Spring bean; its name is written into the job, so it must not change between releases.
 */
public interface DeferredWork {

    /** The name the job carries, unique among the desk's deferred work. */
    String name();

    /** The job's priority: the engine's job executor takes due jobs highest first. */
    long priority();

    /**
     * The key of the process the work starts, shown on the job so that it is listed with that process's jobs;
     * {@code null} for work that starts none.
     */
    String processDefinitionKey();

    /**
     * When a failed job is tried again: an ISO 8601 repeating interval ({@code R6/PT10M}: six more tries, ten
     * minutes apart), as a model's {@code failedJobRetryTimeCycle}; {@code null} for the engine's default (three
     * tries, one straight after the other). An incident follows the last failed try either way.
     */
    default String retryCycle() {
        return null;
    }

    /**
     * Does the work, in the job's transaction, with what the step gave {@link DeferredJobs#defer}. Work with an
     * effect outside the desk may commit its own record of it at once (notification.DeliverMessage).
     */
    void run(String payload);

    /**
     * Thrown by work that cannot be done before {@code at} (another run of the same job is doing it): the job is
     * due again then, without spending one of its tries.
     */
    final class NotYet extends RuntimeException {

        private final transient Instant at;

        public NotYet(Instant at, String message) {
            super(message);
            this.at = at;
        }

        public Instant at() {
            return at;
        }
    }
}
