package com.clientservices.desk.ticket;

import com.clientservices.desk.identity.CurrentUser;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.refusal.Invalid;
import com.clientservices.desk.sla.BusinessCalendar;
import com.clientservices.desk.sla.SlaTarget;
import com.clientservices.desk.sla.SlaTargets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tickets")
class TicketController {

    private static final int PAGE_SIZE_MAX = 200;

    private final TicketIntake intake;
    private final TicketQueries queries;
    private final Members members;
    private final BusinessCalendar calendar;
    private final SlaTargets slaTargets;
    private final TicketDetails details;

    TicketController(
            TicketIntake intake,
            TicketQueries queries,
            Members members,
            BusinessCalendar calendar,
            SlaTargets slaTargets,
            TicketDetails details) {
        this.details = details;
        this.intake = intake;
        this.queries = queries;
        this.members = members;
        this.calendar = calendar;
        this.slaTargets = slaTargets;
    }

    @PostMapping(path = "/api/tickets", consumes = "application/json")
    @Operation(
            summary = "Submit a request",
            description =
                    "201 with the ticket; 202 when the request type goes to the "
                            + "customer's account representative; 400 naming every bad field, with nothing created; 403 for another member.")
    @ApiResponse(responseCode = "201", description = "Ticket created and routed to a team")
    @ApiResponse(responseCode = "202", description = "Redirected to the account representative; no Client Services SLA")
    ResponseEntity<TicketView> submit(@RequestBody(required = false) NewTicket request) {
        if (request == null) {
            throw new Invalid("body", "is required: a JSON object describing the request");
        }
        var ticket = intake.submit(request, CurrentUser.get());
        var status = ticket.status() == TicketStatus.REDIRECTED ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
        return ResponseEntity.status(status)
                .location(URI.create("/api/tickets/" + ticket.key()))
                .body(view(ticket));
    }

    @GetMapping("/api/tickets/{key}")
    @Operation(summary = "One ticket with its status, team and SLA targets")
    TicketView ticket(@PathVariable String key) {
        return view(queries.readable(key, CurrentUser.get()));
    }

    @GetMapping("/api/tickets")
    @Operation(summary = "The tickets you may see, newest first")
    List<TicketView> list(
            @RequestParam(required = false) TicketStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new Invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > PAGE_SIZE_MAX) {
            throw new Invalid("size", "must be between 1 and " + PAGE_SIZE_MAX);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new Invalid("page", "is too large: there are not that many tickets");
        }
        return queries.visibleTo(CurrentUser.get(), status, page * size, size).stream()
                .map(this::view)
                .toList();
    }

    private TicketView view(Ticket t) {
        var representative = members.find(t.memberId())
                .map(Members.Member::accountRepresentative)
                .orElse(null);
        return new TicketView(
                t.key(),
                t.memberId(),
                t.requestType(),
                t.subject(),
                t.description(),
                t.impact(),
                t.emergency(),
                t.emergencyPhone(),
                t.emergencyCriteria(),
                t.objectIds(),
                t.environment(),
                t.stepsToReproduce(),
                t.browser(),
                t.operatingSystem(),
                t.status(),
                t.route(),
                t.team(),
                representative,
                t.submittedBy(),
                local(t.submittedAt()),
                local(t.acknowledgeBy()),
                details.missing(t),
                targets(t),
                t.downgradedBy() == null
                        ? null
                        : new TicketView.Downgrade(t.downgradedBy(), local(t.downgradedAt()), t.downgradeReason()),
                local(t.updatedAt()),
                details.conversation(t).stream()
                        .map(m -> new TicketView.Message(
                                local(m.at()), m.from(), m.kind().name(), m.text()))
                        .toList(),
                t.businessJustification(),
                t.channel());
    }

    private List<TicketView.Target> targets(Ticket t) {
        return slaTargets.ofTicket(t.id()).stream()
                .map(target -> new TicketView.Target(
                        target.kind().name(),
                        local(target.startedAt()),
                        local(target.dueAt()),
                        local(target.warningAt()),
                        local(target.warnedAt()),
                        local(target.breachedAt()),
                        local(target.metAt()),
                        target.outcome().name(),
                        target.outcome() == SlaTarget.Outcome.OPEN ? null : target.outcome() == SlaTarget.Outcome.MET))
                .toList();
    }

    private OffsetDateTime local(OffsetDateTime time) {
        return calendar.local(time);
    }
}
