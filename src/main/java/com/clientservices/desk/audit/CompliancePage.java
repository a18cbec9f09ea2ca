package com.clientservices.desk.audit;

import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.refusal.Invalid;
import com.clientservices.desk.sla.BusinessCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /audit/compliance?from=&to=&team=} (docs/specification.md §14): the share of SLA targets met per team, issue
 * kind and week of the tickets submitted in a period (dates in the desk's zone, both included; the last 8 weeks unless
 * given), charted and written out in words, with the period's SLA report to download as CSV or JSON. Its readers are
 * the audit pages' (the security configuration's {@code /audit/**}).
 */
@Controller
class CompliancePage {

    static final int DEFAULT_WEEKS = 8;

    private final WeeklyCompliance weekly;
    private final SlaReport report;
    private final BusinessCalendar calendar;
    private final DeskClock clock;

    CompliancePage(WeeklyCompliance weekly, SlaReport report, BusinessCalendar calendar, DeskClock clock) {
        this.weekly = weekly;
        this.report = report;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/audit/compliance")
    String page(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String team,
            Model model) {
        var period = period(from, to, team);
        model.addAttribute("teams", weekly.between(period.from(), period.to(), period.team()));
        model.addAttribute("from", period.from().toString());
        model.addAttribute("to", period.to().toString());
        model.addAttribute("team", period.team());
        model.addAttribute("deskTeams", DeskGroups.TEAMS);
        model.addAttribute(
                "period",
                "from " + period.from().format(AuditController.DAY) + " to "
                        + period.to().format(AuditController.DAY));
        model.addAttribute("zone", calendar.zone().getId());
        model.addAttribute("csv", link("/audit/compliance.csv", period));
        model.addAttribute("json", link("/audit/compliance.json", period));
        return "audit/compliance";
    }

    @GetMapping(path = "/audit/compliance.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> csv(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String team) {
        var period = period(from, to, team);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + period.fileName() + ".csv\"")
                .body(SlaReport.csv(rows(period)));
    }

    @GetMapping(path = "/audit/compliance.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<SlaReport.Row>> json(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String team) {
        var period = period(from, to, team);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + period.fileName() + ".json\"")
                .body(rows(period));
    }

    /** The same rows as {@code GET /api/reports/sla} for the period, only the chosen team's when there is one. */
    private List<SlaReport.Row> rows(Period period) {
        return report.between(period.from(), period.to()).stream()
                .filter(row -> period.team() == null || period.team().equals(row.team()))
                .toList();
    }

    private Period period(String from, String to, String team) {
        var today = clock.now().atZone(calendar.zone()).toLocalDate();
        var last = AuditController.date("to", to, today);
        var first = AuditController.date("from", from, WeeklyCompliance.mondayOfLast(last, DEFAULT_WEEKS));
        AuditController.firstNotAfterLast(first, last);
        if (WeeklyCompliance.weeksIn(first, last) > WeeklyCompliance.MOST_WEEKS) {
            throw new Invalid("to", "is more than " + WeeklyCompliance.MOST_WEEKS + " weeks after from");
        }
        var chosenTeam = team == null || team.isBlank() ? null : team;
        if (chosenTeam != null && DeskGroups.teamName(chosenTeam).isEmpty()) {
            throw new Invalid("team", "is not one of the desk's teams: " + team);
        }
        return new Period(first, last, chosenTeam);
    }

    private static String link(String path, Period period) {
        return UriComponentsBuilder.fromPath(path)
                .queryParam("from", period.from())
                .queryParam("to", period.to())
                .queryParamIfPresent("team", Optional.ofNullable(period.team()))
                .encode()
                .toUriString();
    }

    private record Period(LocalDate from, LocalDate to, String team) {

        String fileName() {
            return "sla-" + (team == null ? "" : team + "-") + from + "-" + to;
        }
    }
}
