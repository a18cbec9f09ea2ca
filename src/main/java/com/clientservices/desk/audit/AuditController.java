package com.clientservices.desk.audit;

import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.identity.CurrentUser;
import com.clientservices.desk.refusal.Invalid;
import com.clientservices.desk.refusal.NotFound;
import com.clientservices.desk.sla.BusinessCalendar;
import com.clientservices.desk.ticket.TicketAccess;
import com.clientservices.desk.ticket.TicketRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit")
class AuditController {

    private static final int DEFAULT_DAYS = 30;

    private final TicketRepository tickets;
    private final TicketTimeline timeline;
    private final SlaReport report;
    private final BusinessCalendar calendar;
    private final TicketAccess access;
    private final DeskClock clock;

    AuditController(
            TicketRepository tickets,
            TicketTimeline timeline,
            SlaReport report,
            BusinessCalendar calendar,
            TicketAccess access,
            DeskClock clock) {
        this.access = access;
        this.tickets = tickets;
        this.timeline = timeline;
        this.report = report;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/api/tickets/{key}/history")
    @Operation(summary = "The audit timeline of a ticket (auditors, managers, the team's agents)")
    List<TimelineEntry> history(@PathVariable String key) {
        var user = CurrentUser.get();
        access.refuseHistoryToCustomers(user, key);
        var ticket = tickets.findByKey(key).orElseThrow(() -> new NotFound("No ticket " + key));
        access.checkHistoryReadable(user, ticket, key);
        return timeline.of(ticket);
    }

    @GetMapping(
            path = "/api/reports/sla",
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(
            summary = "SLA compliance per team and issue kind of the tickets submitted from..to (dates, both included; "
                    + "default the last 30 days); JSON, or CSV with Accept: text/csv (auditors, managers)")
    ResponseEntity<?> sla(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestHeader(value = "Accept", required = false) String accept) {
        access.checkReportsReadable(CurrentUser.get());
        var today = clock.now().atZone(calendar.zone()).toLocalDate();
        var end = date("to", to, today);
        var start = date("from", from, end.minusDays(DEFAULT_DAYS - 1));
        if (start.isAfter(end)) {
            throw new Invalid("from", "is after to");
        }
        var rows = report.between(start, end);
        if (accept != null && accept.contains("text/csv")) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"sla-" + start + "-" + end + ".csv\"")
                    .body(SlaReport.csv(rows));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
    }

    /** A day as the audit pages show it: {@code Tue 13 Apr 2027}. */
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.US);

    /** A page's period that ends before it starts is refused, in the words the page shows its days in. */
    static void firstNotAfterLast(LocalDate first, LocalDate last) {
        if (first.isAfter(last)) {
            throw new Invalid(
                    "from",
                    "(" + first.format(DAY) + ") is after to (" + last.format(DAY)
                            + "): choose a first day on or before the last");
        }
    }

    /** A date parameter (YYYY-MM-DD, a four-digit year), or the given one when it is absent. */
    static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Invalid(field, "is not a date (YYYY-MM-DD): " + value);
        }
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new Invalid(field, "is not a date (YYYY-MM-DD) with a four-digit year: " + value);
        }
        return date;
    }
}
