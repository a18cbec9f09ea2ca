package com.clientservices.desk.ticket;

import com.clientservices.desk.engine.ProcessVariables;
import com.clientservices.desk.history.TicketEvents;
import com.clientservices.desk.routing.RequestType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records where the routing table sent the request; a team route becomes the ticket's team. */
@Component("recordRoute")
class RecordRoute implements JavaDelegate {

    private final TicketRepository tickets;
    private final TicketEvents events;
    private final TicketOfProcess ticketOf;

    RecordRoute(TicketRepository tickets, TicketEvents events, TicketOfProcess ticketOf) {
        this.tickets = tickets;
        this.events = events;
        this.ticketOf = ticketOf;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var route = ProcessVariables.ROUTE.get(execution);
        if (route == null || route.isBlank()) {
            throw new IllegalStateException(
                    "the routing table gave no route for " + ProcessVariables.REQUEST_TYPE.get(execution));
        }
        var team = RequestType.ACCOUNT_REPRESENTATIVE.equals(route) ? null : route;
        var ticketId = ticketOf.idOf(execution);
        tickets.route(ticketId, route, team);
        events.record(ticketId, TicketEvents.Type.ROUTED, null, team == null ? route : "team " + team);
        ProcessVariables.TEAM.set(execution, team);
    }
}
