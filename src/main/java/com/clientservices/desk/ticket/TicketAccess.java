package com.clientservices.desk.ticket;

import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.identity.DeskUser;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.refusal.NotAllowed;
import com.clientservices.desk.refusal.NotFound;
import com.clientservices.desk.refusal.Refusal;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which tickets a user may read: admins, auditors and managers all of them; a team's agents
 * their team's; a customer's contacts and account representative that customer's (docs/specification.md §8).
 * Also who reads a ticket's audit history and the SLA reports, so that every who-may-read rule is here.
 */
@Component
public class TicketAccess {

    private final Members members;

    TicketAccess(Members members) {
        this.members = members;
    }

    /**
     * What the user may read: everything; their members' tickets (customers' contacts, account
     * representatives); their teams' tickets (agents); and, for engineering, the tickets waiting on
     * engineering (docs/specification.md §5, engineering hand-off).
     */
    Scope scopeOf(DeskUser user) {
        if (user.readsEverything()) {
            return new Scope(true, List.of(), Set.of(), false);
        }
        return new Scope(false, members.visibleTo(user.id()), user.groups(), user.in(DeskGroups.ENGINEERING));
    }

    boolean mayRead(DeskUser user, Ticket ticket) {
        var scope = scopeOf(user);
        return scope.everything()
                || scope.members().contains(ticket.memberId())
                || (ticket.team() != null && scope.teams().contains(ticket.team()))
                || (scope.waitingOnEngineering() && ticket.status() == TicketStatus.WAITING_ON_ENGINEERING);
    }

    /**
     * Customers follow their tickets, not the audit history; refused before the look-up, so a
     * customer cannot tell an existing key from a missing one (docs/specification.md §8).
     */
    public void refuseHistoryToCustomers(DeskUser user, String key) {
        if (user.in(DeskGroups.CUSTOMERS)) {
            throw new NotAllowed("Customers follow their tickets at /api/tickets/" + key);
        }
    }

    /** A ticket's audit history is for those who read everything and for the ticket's team. */
    public void checkHistoryReadable(DeskUser user, Ticket ticket, String key) {
        if (!user.readsEverything() && (ticket.team() == null || !user.in(ticket.team()))) {
            throw new NotAllowed("You may not read the history of " + key);
        }
    }

    /** The SLA reports are for auditors, managers and administrators. */
    public void checkReportsReadable(DeskUser user) {
        if (!user.in(DeskGroups.AUDITORS) && !user.in(DeskGroups.MANAGERS) && !user.in(DeskGroups.ADMINS)) {
            throw new NotAllowed("Only auditors and managers read SLA reports");
        }
    }

    /**
     * The answer to a user who may not see or touch a ticket: to a customer's contact, another
     * member's ticket answers like one that does not exist, so keys cannot be probed (docs/specification.md §8);
     * staff are told they lack the permission.
     */
    static Refusal refusal(DeskUser user, String key, String staffMessage) {
        return user.in(DeskGroups.CUSTOMERS) ? new NotFound("No ticket " + key) : new NotAllowed(staffMessage);
    }

    record Scope(boolean everything, List<Long> members, Set<String> teams, boolean waitingOnEngineering) {}
}
