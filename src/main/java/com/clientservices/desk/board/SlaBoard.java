package com.clientservices.desk.board;

import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.sla.BusinessCalendar;
import com.clientservices.desk.sla.SlaTargetKind;
import com.clientservices.desk.ticket.TicketStatus;
import com.clientservices.desk.words.DeskTime;
import com.clientservices.desk.words.Labels;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the board shows, read at one instant of the desk's clock: the running targets of open tickets (emergencies
 * first, then the soonest due), each team's counts, and the breaches since the start of today and of this week in
 * the desk's zone. A target is in its warning window from its warning time (set by the models' timers) until it is
 * due; from then on it is overdue, whether or not its breach timer has fired yet.
 */
@Component
class SlaBoard {

    /** A ticket still open: everything on the board is about these. */
    private static final String OPEN = TicketStatus.openIn("t.status");

    /** Open tickets of the team (or every team, for a null one) that no target is running for. */
    private static final String UNTIMED = "from ticket t where " + OPEN
            + " and (cast(:team as varchar(100)) is null or t.team = :team)"
            + " and not exists (select 1 from sla_target s where s.ticket_id = t.id and s.met_at is null)";

    /** The most urgent targets listed; the counts cover every one. */
    static final int LISTED = 200;

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final DeskClock clock;
    private final BusinessCalendar calendar;
    private final DeskTime time;

    SlaBoard(
            JdbcClient jdbc,
            TaskService tasks,
            RuntimeService runtime,
            DeskClock clock,
            BusinessCalendar calendar,
            DeskTime time) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.runtime = runtime;
        this.clock = clock;
        this.calendar = calendar;
        this.time = time;
    }

    enum State {
        ON_TRACK("On track"),
        WARNING("In warning window"),
        OVERDUE("Overdue");

        final String words;

        State(String words) {
            this.words = words;
        }
    }

    record Row(
            String key,
            String subject,
            String team,
            boolean emergency,
            String target,
            String due,
            String left,
            State state,
            String taskId) {

        public String stateWords() {
            return state.words;
        }

        public String stateClass() {
            return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    record TeamCounts(
            String team, long open, int running, int warning, int overdue, long breachedToday, long breachedThisWeek) {}

    /** An open ticket that no response-time target is running for: waiting on the customer or engineering, or worked. */
    record Untimed(
            String key,
            String subject,
            String team,
            boolean emergency,
            String status,
            String submitted,
            String taskId) {

        Untimed withTask(String task) {
            return new Untimed(key, subject, team, emergency, status, submitted, task);
        }
    }

    record Board(
            String at, List<Row> rows, int running, List<TeamCounts> teams, List<Untimed> untimed, long untimedOpen) {}

    /** The board for every team, or with the list narrowed to one team (the counts still show every team). */
    Board now(String onlyTeam) {
        var now = clock.now();
        var running = jdbc.sql("select t.id, t.subject, t.team, t.emergency, s.kind, s.due_at, s.warning_at"
                        + " from sla_target s join ticket t on t.id = s.ticket_id where s.met_at is null and " + OPEN
                        + " order by t.emergency desc, s.due_at, t.id")
                .query((rs, n) -> new Running(
                        rs.getLong("id"),
                        rs.getString("subject"),
                        rs.getString("team"),
                        rs.getBoolean("emergency"),
                        SlaTargetKind.valueOf(rs.getString("kind")),
                        rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("warning_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)
                                .orElse(null)))
                .list();
        var shown = onlyTeam == null
                ? running
                : running.stream()
                        .filter(target -> onlyTeam.equals(target.team()))
                        .toList();
        var listed = shown.subList(0, Math.min(LISTED, shown.size()));
        var openTasks = openTasks(
                listed.stream().map(target -> "CS-" + target.ticketId()).toList());
        var counts = new LinkedHashMap<String, int[]>();
        for (var team : DeskGroups.TEAMS) {
            counts.put(team.id(), new int[3]);
        }
        for (var target : running) {
            var state = state(target, now);
            var count = counts.computeIfAbsent(target.team() == null ? "" : target.team(), team -> new int[3]);
            count[0]++;
            count[1] += state == State.WARNING ? 1 : 0;
            count[2] += state == State.OVERDUE ? 1 : 0;
        }
        var rows = listed.stream()
                .map(target -> new Row(
                        "CS-" + target.ticketId(),
                        target.subject(),
                        teamName(target.team()),
                        target.emergency(),
                        Labels.target(target.kind()),
                        time.at(target.due()),
                        DeskTime.left(target.due(), now),
                        state(target, now),
                        openTasks.get("CS-" + target.ticketId())))
                .toList();
        var today = now.atZone(calendar.zone()).toLocalDate();
        var startOfToday = today.atStartOfDay(calendar.zone()).toInstant();
        var startOfWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(calendar.zone())
                .toInstant();
        var breachedToday = breachesSince(startOfToday);
        var week = breachesSince(startOfWeek);
        var open = openPerTeam();
        var teams = new ArrayList<TeamCounts>();
        counts.forEach((team, count) -> teams.add(new TeamCounts(
                teamName(team),
                open.getOrDefault(team, 0L),
                count[0],
                count[1],
                count[2],
                breachedToday.getOrDefault(team, 0L),
                week.getOrDefault(team, 0L))));
        var untimed = untimed(onlyTeam);
        var untimedOpen = untimed.size() < LISTED ? untimed.size() : countUntimed(onlyTeam);
        return new Board(time.exact(now.atOffset(ZoneOffset.UTC)), rows, shown.size(), teams, untimed, untimedOpen);
    }

    // Every ticket still open, per team: the board's first count (docs/specification.md §14).
    private Map<String, Long> openPerTeam() {
        var open = new HashMap<String, Long>();
        jdbc.sql("select t.team, count(*) as open from ticket t where " + OPEN + " group by t.team")
                .query(rs -> {
                    open.put(rs.getString("team") == null ? "" : rs.getString("team"), rs.getLong("open"));
                });
        return open;
    }

    private long countUntimed(String onlyTeam) {
        return jdbc.sql("select count(*) " + UNTIMED)
                .param("team", onlyTeam)
                .query(Long.class)
                .single();
    }

    // Open tickets without a running target, emergencies first, then the oldest: they count as open but have no clock.
    private List<Untimed> untimed(String onlyTeam) {
        var untimed = jdbc.sql("select t.id, t.subject, t.team, t.emergency, t.status, t.submitted_at " + UNTIMED
                        + " order by t.emergency desc, t.submitted_at, t.id fetch first :listed rows only")
                .param("team", onlyTeam)
                .param("listed", LISTED)
                .query((rs, n) -> new Untimed(
                        "CS-" + rs.getLong("id"),
                        rs.getString("subject"),
                        teamName(rs.getString("team")),
                        rs.getBoolean("emergency"),
                        Labels.status(TicketStatus.valueOf(rs.getString("status"))),
                        time.at(rs.getObject("submitted_at", OffsetDateTime.class)),
                        null))
                .list();
        var open = openTasks(untimed.stream().map(Untimed::key).toList());
        return untimed.stream().map(row -> row.withTask(open.get(row.key()))).toList();
    }

    // Overdue from its due time (whether or not the breach timer has fired yet), in warning from its warning time.
    private static State state(Running target, Instant now) {
        if (!now.isBefore(target.due())) {
            return State.OVERDUE;
        }
        return target.warningAt() != null && !now.isBefore(target.warningAt()) ? State.WARNING : State.ON_TRACK;
    }

    private record Running(
            long ticketId,
            String subject,
            String team,
            boolean emergency,
            SlaTargetKind kind,
            Instant due,
            Instant warningAt) {}

    private Map<String, Long> breachesSince(Instant since) {
        var breaches = new HashMap<String, Long>();
        jdbc.sql("select team, count(*) as breaches from sla_target where breached_at >= :since group by team")
                .param("since", since.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    breaches.put(rs.getString("team") == null ? "" : rs.getString("team"), rs.getLong("breaches"));
                });
        return breaches;
    }

    // The open task of each listed ticket, to open in Tasklist; the board is read by role, not by task.
    private Map<String, String> openTasks(List<String> listed) {
        if (listed.isEmpty()) {
            return Map.of();
        }
        var keys = listed.stream().distinct().toArray(String[]::new);
        var open = tasks.createTaskQuery()
                .processInstanceBusinessKeyIn(keys)
                .orderByTaskCreateTime()
                .asc()
                .list();
        if (open.isEmpty()) {
            return Map.of();
        }
        var keyOfInstance = new HashMap<String, String>();
        runtime.createProcessInstanceQuery()
                .processInstanceIds(
                        open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                .list()
                .forEach(instance -> keyOfInstance.put(instance.getId(), instance.getBusinessKey()));
        var byKey = new HashMap<String, String>();
        for (var task : open) {
            var key = keyOfInstance.get(task.getProcessInstanceId());
            if (key != null) {
                byKey.putIfAbsent(key, task.getId());
            }
        }
        return byKey;
    }

    private static String teamName(String team) {
        if (team == null || team.isEmpty()) {
            return "No team";
        }
        return DeskGroups.teamName(team).orElse(team);
    }
}
