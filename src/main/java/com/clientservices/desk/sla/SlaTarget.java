package com.clientservices.desk.sla;

import java.time.OffsetDateTime;

/** One response-time target of a ticket and what became of it. */
public record SlaTarget(
        long id,
        long ticketId,
        SlaTargetKind kind,
        boolean emergency,
        String team,
        OffsetDateTime startedAt,
        OffsetDateTime dueAt,
        OffsetDateTime warningAt,
        OffsetDateTime warnedAt,
        OffsetDateTime breachedAt,
        OffsetDateTime metAt,
        Outcome outcome) {

    public enum Outcome {
        /** The clock is running. */
        OPEN,
        /** Responded by the due time. */
        MET,
        /** Not responded by the due time; a response after it still counts as missed. */
        MISSED
    }
}
