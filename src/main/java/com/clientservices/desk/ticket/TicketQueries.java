package com.clientservices.desk.ticket;

import com.clientservices.desk.identity.DeskUser;
import com.clientservices.desk.refusal.NotFound;
import java.util.List;
import org.springframework.stereotype.Service;

/** Tickets as a given user may see them; one place for the rules of {@link TicketAccess}. */
@Service
public class TicketQueries {

    private final TicketRepository tickets;
    private final TicketAccess access;

    TicketQueries(TicketRepository tickets, TicketAccess access) {
        this.tickets = tickets;
        this.access = access;
    }

    /** The ticket, or 404 when there is none and 403 when the user may not read it (404 to customers). */
    public Ticket readable(String key, DeskUser user) {
        var ticket = tickets.findByKey(key).orElseThrow(() -> new NotFound("No ticket " + key));
        if (!access.mayRead(user, ticket)) {
            throw TicketAccess.refusal(user, key, "You may not read ticket " + key);
        }
        return ticket;
    }

    /** The tickets the user may see, newest first. */
    public List<Ticket> visibleTo(DeskUser user, TicketStatus status, int offset, int limit) {
        return tickets.list(access.scopeOf(user), status, offset, limit);
    }
}
