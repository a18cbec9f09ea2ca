package com.clientservices.desk.ticket;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** A request as a customer's contact submits it (docs/specification.md §4). */
@Schema(description = "A standard or emergency technical request")
public record NewTicket(
        @Schema(
                description = "The customer (member) the request is for",
                example = "1001",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Long memberId,

        @Schema(
                description = "Request type code, see GET /api/request-types",
                example = "AD_SERVING",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String requestType,

        @Schema(
                description = "At most 200 characters",
                example = "Placements show blanks since 10:00",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String subject,

        @Schema(
                description = "The problem in as much detail as possible; at most 20,000 characters",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String description,

        @Schema(
                description = "Impact on the customer's immediate goals; at most 20,000 characters",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String impact,

        @Schema(
                description =
                        "Declares an emergency (docs/specification.md §3); then emergencyPhone and emergencyCriteria are required")
        Boolean emergency,

        @Schema(description = "Phone number of the emergency contact", example = "+1 212 555 0100")
        String emergencyPhone,

        @Schema(description = "PRODUCTION_FEATURE_BROKEN_NO_WORKAROUND and/or SIGNIFICANT_FINANCIAL_LOSS")
        List<String> emergencyCriteria,

        @Schema(description = "All relevant object ids; at most 50")
        List<String> objectIds,

        @Schema(description = "bidderId, memberId, creativeId, placementId, … as key/value")
        Map<String, String> environment,

        @Schema(description = "Steps to reproduce, including test pages and URLs; at most 20,000 characters")
        String stepsToReproduce,

        @Schema(description = "Browser and version, for UI-related request types")
        String browser,

        @Schema(description = "Operating system and version, for UI-related request types")
        String operatingSystem,

        @Schema(
                description = "Why the work is needed, at most 5,000 characters; required for the request types whose "
                        + "justificationRequired is true in GET /api/request-types (critical data pulls, manual "
                        + "configuration changes)")
        String businessJustification) {

    public boolean isEmergency() {
        return Boolean.TRUE.equals(emergency);
    }
}
