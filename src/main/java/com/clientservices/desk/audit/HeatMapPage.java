package com.clientservices.desk.audit;

import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.refusal.Invalid;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import com.clientservices.desk.sla.BusinessCalendar;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /audit/heatmap?from=&to=&team=&requestType=} (docs/specification.md §14): where time goes for the tickets
 * submitted in a period (dates in the desk's zone, both included; the last 30 days unless given), as a table in words
 * and shaded on the lifecycle's diagram.
 */
@Controller
class HeatMapPage {

    private static final int DEFAULT_DAYS = 30;

    private final HeatMap heatMap;
    private final RequestTypeCatalogue requestTypes;
    private final BusinessCalendar calendar;
    private final DeskClock clock;

    HeatMapPage(HeatMap heatMap, RequestTypeCatalogue requestTypes, BusinessCalendar calendar, DeskClock clock) {
        this.heatMap = heatMap;
        this.requestTypes = requestTypes;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/audit/heatmap")
    String page(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String requestType,
            Model model) {
        var filter = filter(from, to, kind, team, requestType);
        model.addAttribute("heat", heatMap.of(filter.filter()));
        model.addAttribute("from", filter.from().toString());
        model.addAttribute("to", filter.to().toString());
        model.addAttribute("kind", filter.kind());
        model.addAttribute("team", filter.filter().team());
        model.addAttribute("requestType", filter.filter().requestType());
        model.addAttribute("teams", DeskGroups.TEAMS);
        model.addAttribute("requestTypes", requestTypes.all());
        model.addAttribute(
                "period",
                "from " + filter.from().format(AuditController.DAY) + " to "
                        + filter.to().format(AuditController.DAY));
        model.addAttribute(
                "dataSource",
                UriComponentsBuilder.fromPath("/audit/heatmap/data")
                        .queryParam("from", filter.from())
                        .queryParam("to", filter.to())
                        .queryParam("kind", filter.kind())
                        .queryParamIfPresent(
                                "team", Optional.ofNullable(filter.filter().team()))
                        .queryParamIfPresent(
                                "requestType",
                                Optional.ofNullable(filter.filter().requestType()))
                        .encode()
                        .toUriString());
        return "audit/heatmap";
    }

    @GetMapping(path = "/audit/heatmap/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    HeatMap.Heat data(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String requestType) {
        return heatMap.of(filter(from, to, kind, team, requestType).filter());
    }

    private record Chosen(LocalDate from, LocalDate to, String kind, HeatMap.Filter filter) {}

    private Chosen filter(String from, String to, String kind, String team, String requestType) {
        var today = clock.now().atZone(calendar.zone()).toLocalDate();
        var last = AuditController.date("to", to, today);
        var first = AuditController.date("from", from, last.minusDays(DEFAULT_DAYS - 1));
        AuditController.firstNotAfterLast(first, last);
        var chosenKind = "emergency".equals(kind) ? "emergency" : "standard";
        var chosenTeam = blank(team) ? null : team;
        if (chosenTeam != null && DeskGroups.teamName(chosenTeam).isEmpty()) {
            throw new Invalid("team", "is not one of the desk's teams: " + team);
        }
        var chosenType = blank(requestType) ? null : requestType;
        if (chosenType != null && requestTypes.find(chosenType).isEmpty()) {
            throw new Invalid("requestType", "is not a request type: " + requestType);
        }
        return new Chosen(
                first,
                last,
                chosenKind,
                new HeatMap.Filter(chosenKind + "-issue", first, last.plusDays(1), chosenTeam, chosenType));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
