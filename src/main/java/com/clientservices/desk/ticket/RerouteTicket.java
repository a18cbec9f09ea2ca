package com.clientservices.desk.ticket;

import com.clientservices.desk.engine.ProcessVariables;
import com.clientservices.desk.forms.FormRuleViolation;
import com.clientservices.desk.history.TicketEvents;
import com.clientservices.desk.sla.SlaTargets;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Hands a misrouted ticket to the team the agent chose. Only the team changes: any running
 * response target keeps its due time (docs/specification.md §5), and now counts for the new team.
 */
@Component("rerouteTicket")
class RerouteTicket implements JavaDelegate {

    private final TicketRepository tickets;
    private final TicketEvents events;
    private final TicketOfProcess ticketOf;
    private final SlaTargets targets;

    RerouteTicket(TicketRepository tickets, TicketEvents events, TicketOfProcess ticketOf, SlaTargets targets) {
        this.tickets = tickets;
        this.events = events;
        this.ticketOf = ticketOf;
        this.targets = targets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var team = ProcessVariables.REROUTE_TEAM.get(execution);
        var ticket = ticketOf.of(execution);
        if (team.equals(ticket.team())) {
            throw new FormRuleViolation(
                    ProcessVariables.REROUTE_TEAM.name(),
                    ProcessVariables.REROUTE_TEAM + ": the ticket is already with " + team + "; choose another team");
        }
        tickets.reroute(ticket.id(), team);
        targets.followReroute(ticket.id(), team);
        events.record(
                ticket.id(),
                TicketEvents.Type.REROUTED,
                ProcessText.actor(execution, null),
                ticket.team() + " → " + team);
        ProcessVariables.TEAM.set(execution, team);
    }
}
