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
 */
@Component
class TicketAccess {

    private final Members members;

    TicketAccess(Members members) {
        this.members = members;
    }

    Scope scopeOf(DeskUser user) {
        if (user.readsEverything()) {
            return new Scope(true, List.of(), Set.of());
        }
        return new Scope(false, members.visibleTo(user.id()), user.groups());
    }

    boolean mayRead(DeskUser user, Ticket ticket) {
        var scope = scopeOf(user);
        return scope.everything()
                || scope.members().contains(ticket.memberId())
                || (ticket.team() != null && scope.teams().contains(ticket.team()));
    }

    /**
     * The answer to a user who may not see or touch a ticket: to a customer's contact, another
     * member's ticket answers like one that does not exist, so keys cannot be probed (docs/specification.md §8);
     * staff are told they lack the permission.
     */
    static Refusal refusal(DeskUser user, String key, String staffMessage) {
        return user.in(DeskGroups.CUSTOMERS) ? new NotFound("No ticket " + key) : new NotAllowed(staffMessage);
    }

    record Scope(boolean everything, List<Long> members, Set<String> teams) {
    }
}
