package com.clientservices.desk.ticket;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** One ticket as the desk records it. */
public record Ticket(
        long id,
        long memberId,
        String submittedBy,
        OffsetDateTime submittedAt,
        String requestType,
        boolean emergency,
        String emergencyPhone,
        List<String> emergencyCriteria,
        String subject,
        String description,
        String impact,
        String stepsToReproduce,
        List<String> objectIds,
        Map<String, String> environment,
        String browser,
        String operatingSystem,
        String route,
        String team,
        TicketStatus status,
        OffsetDateTime acknowledgeBy,
        String processInstanceId,
        OffsetDateTime updatedAt,
        String downgradedBy,
        OffsetDateTime downgradedAt,
        String downgradeReason,
        String businessJustification,
        String channel) {

    public String key() {
        return TicketKey.of(id);
    }
}
