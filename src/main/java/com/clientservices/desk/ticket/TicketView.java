package com.clientservices.desk.ticket;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A ticket as the API shows it; times carry the SLA calendar's offset. */
public record TicketView(
        String key,
        long memberId,
        String requestType,
        String subject,
        String description,
        String impact,
        boolean emergency,
        String emergencyPhone,
        List<String> emergencyCriteria,
        List<String> objectIds,
        Map<String, String> environment,
        String stepsToReproduce,
        String browser,
        String operatingSystem,
        TicketStatus status,
        String route,
        String team,
        String accountRepresentative,
        String submittedBy,
        OffsetDateTime submittedAt,
        OffsetDateTime acknowledgeBy,
        List<String> missingInformation,
        List<Target> slaTargets,
        Downgrade downgrade,
        OffsetDateTime updatedAt,
        List<Message> conversation,
        String businessJustification,
        String channel) {

    /**
     * One message to or from the customer, oldest first: when, who wrote it (a user id), which
     * kind (ACKNOWLEDGEMENT, QUESTIONS, ANSWER, ADDED_INFORMATION, STATUS_UPDATE, RESOLUTION) and what it says.
     */
    public record Message(OffsetDateTime at, String from, String kind, String text) {}

    /** An emergency an agent downgraded to standard at acknowledgement. */
    public record Downgrade(String by, OffsetDateTime at, String reason) {}

    /** A response-time target: when it was due and whether it was met ({@code met} is absent while it runs). */
    public record Target(
            String kind,
            OffsetDateTime startedAt,
            OffsetDateTime dueAt,
            OffsetDateTime warningAt,
            OffsetDateTime warnedAt,
            OffsetDateTime breachedAt,
            OffsetDateTime respondedAt,
            String outcome,
            Boolean met) {}
}
