package com.clientservices.desk.ticket;

import com.clientservices.desk.forms.FormRuleViolation;
import com.clientservices.desk.history.TicketEvents;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Hands a misrouted ticket to the team the agent chose. Only the team changes: any running
 * response target keeps its due time (docs/specification.md §5).
 */
@Component("rerouteTicket")
class RerouteTicket implements JavaDelegate {

    private final TicketRepository tickets;
    private final TicketEvents events;
    private final TicketOfProcess ticketOf;

    RerouteTicket(TicketRepository tickets, TicketEvents events, TicketOfProcess ticketOf) {
        this.tickets = tickets;
        this.events = events;
        this.ticketOf = ticketOf;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var team = (String) execution.getVariable("rerouteTeam");
        var ticket = ticketOf.of(execution);
        if (team.equals(ticket.team())) {
            throw new FormRuleViolation("rerouteTeam", "rerouteTeam: the ticket is already with " + team + "; choose another team");
        }
        tickets.reroute(ticket.id(), team);
        events.record(ticket.id(), TicketEvents.Type.REROUTED, ProcessText.actor(execution, null),
                ticket.team() + " → " + team);
        execution.setVariable("team", team);
    }
}
