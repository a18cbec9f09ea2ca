package com.clientservices.desk.audit;

import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.identity.PersonNames;
import com.clientservices.desk.routing.RequestType;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import com.clientservices.desk.sla.SlaTarget;
import com.clientservices.desk.ticket.Ticket;
import com.clientservices.desk.words.DeskTime;
import com.clientservices.desk.words.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * What an auditor reads about a ticket in words (docs/specification.md §13): at the top of its page, its
 * response-time targets, and its row in the search.
 */
@Component
class TicketInWords {

    private final Members members;
    private final RequestTypeCatalogue requestTypes;
    private final IdentityService identity;
    private final DeskTime time;

    TicketInWords(Members members, RequestTypeCatalogue requestTypes, IdentityService identity, DeskTime time) {
        this.members = members;
        this.requestTypes = requestTypes;
        this.identity = identity;
        this.time = time;
    }

    record Fact(String label, String text) {}

    record Target(
            String kind,
            String started,
            String due,
            String warned,
            String breached,
            String met,
            String outcome,
            String outcomeClass) {}

    /** A ticket as the search lists it; {@code due} and {@code left} are empty when no target of an open one runs. */
    record Row(
            String key,
            String subject,
            String handledBy,
            String requestType,
            String kind,
            String status,
            String submitted,
            String due,
            String left,
            boolean overdue) {}

    /** The ticket's row, with the soonest of its running targets (if any) and the time left to it at {@code now}. */
    Row row(Ticket ticket, Optional<SlaTarget> soonest, Instant now) {
        // A closed or redirected ticket waits on nobody, as on the SLA board (docs/specification.md §14).
        var running = ticket.status().open() ? soonest : Optional.<SlaTarget>empty();
        return new Row(
                ticket.key(),
                ticket.subject(),
                handledBy(ticket),
                requestType(ticket),
                ticket.emergency() ? "Emergency" : "Standard",
                Labels.status(ticket.status()),
                time.at(ticket.submittedAt()),
                running.map(t -> Labels.target(t.kind()) + " due " + time.at(t.dueAt()))
                        .orElse(""),
                running.map(t -> DeskTime.left(t.dueAt().toInstant(), now)).orElse(""),
                running.map(t -> !now.isBefore(t.dueAt().toInstant())).orElse(false));
    }

    List<Fact> of(Ticket ticket) {
        var people = new PersonNames(identity);
        var facts = new ArrayList<Fact>();
        var member = members.find(ticket.memberId()).map(Members.Member::name).orElse("Member");
        facts.add(new Fact("Customer", member + " (member " + ticket.memberId() + ")"));
        facts.add(new Fact("Submitted", people.of(ticket.submittedBy()) + ", " + time.exact(ticket.submittedAt())));
        facts.add(new Fact("Request type", requestType(ticket)));
        facts.add(new Fact("Handled by", handledBy(ticket)));
        facts.add(new Fact("Status", Labels.status(ticket.status())));
        facts.add(new Fact(
                "Kind",
                ticket.emergency()
                        ? "Emergency"
                        : ticket.downgradedBy() != null
                                ? "Standard (an emergency downgraded by " + people.of(ticket.downgradedBy()) + ")"
                                : "Standard"));
        return facts;
    }

    List<Target> targets(List<SlaTarget> targets) {
        return targets.stream()
                .map(t -> new Target(
                        Labels.target(t.kind()),
                        time.exact(t.startedAt()),
                        time.exact(t.dueAt()),
                        time.exact(t.warnedAt()),
                        time.exact(t.breachedAt()),
                        time.exact(t.metAt()),
                        switch (t.outcome()) {
                            case OPEN -> "Running";
                            case MET -> "Met";
                            case MISSED -> "Missed";
                        },
                        t.outcome().name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private String requestType(Ticket ticket) {
        return requestTypes.find(ticket.requestType()).map(RequestType::label).orElse(ticket.requestType());
    }

    private static String handledBy(Ticket ticket) {
        if (ticket.team() == null) {
            return RequestType.ACCOUNT_REPRESENTATIVE.equals(ticket.route())
                    ? "The account representative"
                    : ticket.route();
        }
        return DeskGroups.teamName(ticket.team()).orElse(ticket.team());
    }
}
