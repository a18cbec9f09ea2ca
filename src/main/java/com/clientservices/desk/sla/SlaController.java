package com.clientservices.desk.sla;

import com.clientservices.desk.refusal.Invalid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Response-time targets")
class SlaController {

    // Four-digit years: the business calendar counts working days and holidays, not eons.
    private static final int YEAR_MIN = 1;
    private static final int YEAR_MAX = 9999;
    private static final Pattern UNENCODED_PLUS = Pattern.compile(" (\\d{2}(:?\\d{2})?)$");

    private final BusinessCalendar calendar;

    SlaController(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/api/sla/acknowledge-by")
    @Operation(summary = "When a request submitted at that time is to be acknowledged (docs/specification.md §6)")
    Map<String, Object> acknowledgeBy(
            @Parameter(description = "ISO-8601 with offset, e.g. 2026-03-06T17:30:00-05:00") @RequestParam
                    String submittedAt,
            @RequestParam(defaultValue = "false") boolean emergency) {
        OffsetDateTime submitted;
        try {
            // An offset's "+" typed unencoded into the address arrives as a space (form encoding).
            submitted = OffsetDateTime.parse(UNENCODED_PLUS.matcher(submittedAt).replaceFirst("+$1"));
        } catch (DateTimeParseException e) {
            throw new Invalid("submittedAt", "is not an ISO-8601 date and time with offset: " + submittedAt);
        }
        if (submitted.getYear() < YEAR_MIN || submitted.getYear() > YEAR_MAX) {
            throw new Invalid(
                    "submittedAt", "must be in the years " + YEAR_MIN + " to " + YEAR_MAX + ": " + submittedAt);
        }
        var due = calendar.acknowledgeBy(submitted.toInstant(), emergency);
        return Map.of("submittedAt", submitted, "emergency", emergency, "acknowledgeBy", due);
    }
}
