package com.clientservices.desk.audit;

import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.sla.BusinessCalendar;
import com.clientservices.desk.sla.SlaTarget;
import com.clientservices.desk.sla.SlaTargets;
import com.clientservices.desk.ticket.TicketRepository;
import com.clientservices.desk.ticket.TicketStatus;
import com.clientservices.desk.web.PageNotFound;
import com.clientservices.desk.words.Labels;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The auditor's pages: search tickets, a ticket's timeline, and SLA compliance per team over the last weeks. */
@Controller
class AuditPages {

    private static final int RESULTS = 200;

    private final JdbcClient jdbc;
    private final TicketRepository tickets;
    private final TicketTimeline timeline;
    private final TimelineInWords inWords;
    private final TicketInWords about;
    private final TicketPath paths;
    private final SlaTargets targets;
    private final WeeklyCompliance weekly;
    private final BusinessCalendar calendar;
    private final DeskClock clock;

    AuditPages(
            JdbcClient jdbc,
            TicketRepository tickets,
            TicketTimeline timeline,
            TimelineInWords inWords,
            TicketInWords about,
            TicketPath paths,
            SlaTargets targets,
            WeeklyCompliance weekly,
            BusinessCalendar calendar,
            DeskClock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.timeline = timeline;
        this.inWords = inWords;
        this.about = about;
        this.paths = paths;
        this.targets = targets;
        this.weekly = weekly;
        this.calendar = calendar;
        this.clock = clock;
    }

    record StatusChoice(String code, String words, boolean selected) {}

    @GetMapping("/audit")
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) TicketStatus status,
            Model model) {
        var sql = new StringBuilder("select id from ticket where 1 = 1");
        var query = jdbc.sql("select 1");
        var text = q == null ? "" : q.trim();
        // The page shows teams by name (docs/specification.md §13), so a team is found by its name as well as its id.
        var namedTeams = DeskGroups.TEAMS.stream()
                .filter(team ->
                        !text.isEmpty() && team.name().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)))
                .map(DeskGroups.Team::id)
                .toList();
        if (!text.isEmpty()) {
            sql.append(" and (lower(subject) like :q or lower(team) like :q or cast(id as varchar(20)) = :id"
                    + (namedTeams.isEmpty() ? "" : " or team in (:teams)")
                    + ")");
        }
        if (status != null) {
            sql.append(" and status = :status");
        }
        sql.append(" order by id desc fetch first " + RESULTS + " rows only");
        query = jdbc.sql(sql.toString());
        if (!text.isEmpty()) {
            query = query.param("q", "%" + text.toLowerCase() + "%")
                    .param("id", text.toUpperCase().replace("CS-", ""));
        }
        if (!namedTeams.isEmpty()) {
            query = query.param("teams", namedTeams);
        }
        if (status != null) {
            query = query.param("status", status.name());
        }
        var ids = query.query(Long.class).list();
        var now = clock.now();
        var soonest = new LinkedHashMap<Long, SlaTarget>();
        targets.runningOf(ids).forEach(target -> soonest.putIfAbsent(target.ticketId(), target));
        model.addAttribute("q", text);
        model.addAttribute("status", status);
        // The filter offers statuses in words and still sends the code (docs/specification.md §13).
        model.addAttribute(
                "statuses",
                Arrays.stream(TicketStatus.values())
                        .map(s -> new StatusChoice(s.name(), Labels.status(s), s == status))
                        .toList());
        model.addAttribute(
                "tickets",
                ids.stream()
                        .map(id -> about.row(tickets.find(id).orElseThrow(), Optional.ofNullable(soonest.get(id)), now))
                        .toList());
        var today = now.atZone(calendar.zone()).toLocalDate();
        // In words here; per week with charts on the compliance page (docs/specification.md §14).
        model.addAttribute(
                "teams",
                weekly.between(WeeklyCompliance.mondayOfLast(today, CompliancePage.DEFAULT_WEEKS), today, null));
        return "audit/search";
    }

    @GetMapping("/audit/tickets/{key}")
    String ticket(@PathVariable String key, Model model) {
        var ticket = tickets.findByKey(key).orElseThrow(() -> new PageNotFound("No ticket " + key));
        model.addAttribute("ticket", ticket);
        model.addAttribute("about", about.of(ticket));
        model.addAttribute("targets", about.targets(targets.ofTicket(ticket.id())));
        model.addAttribute("timeline", inWords.of(timeline.of(ticket)));
        return "audit/ticket";
    }

    /** The models the ticket ran and its steps through them, for the page's diagrams (static/js/ticket-path.js). */
    @GetMapping(path = "/audit/tickets/{key}/path", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<TicketPath.Diagram> path(@PathVariable String key) {
        return paths.of(tickets.findByKey(key).orElseThrow(() -> new PageNotFound("No ticket " + key)));
    }

    @GetMapping(path = "/audit/tickets/{key}/timeline.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<TimelineExport.Row>> timelineJson(@PathVariable String key) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + key + "-timeline.json\"")
                .body(export(key));
    }

    @GetMapping(path = "/audit/tickets/{key}/timeline.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> timelineCsv(@PathVariable String key) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + key + "-timeline.csv\"")
                .body(TimelineExport.csv(export(key)));
    }

    private List<TimelineExport.Row> export(String key) {
        var ticket = tickets.findByKey(key).orElseThrow(() -> new PageNotFound("No ticket " + key));
        var entries = timeline.of(ticket);
        return TimelineExport.rows(entries, inWords.of(entries));
    }
}
