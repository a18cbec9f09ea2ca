package com.clientservices.desk.ticket;

import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.engine.ProcessVariables;
import com.clientservices.desk.history.TicketEvents;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An agent found at acknowledgement that the emergency is not one (docs/specification.md §3): the ticket becomes a
 * standard issue, and who decided it, when and why stays on the ticket. The model calls it
 * {@code downgradeEmergency}, what it does to the emergency; the class is named for the model's
 * task, Task_DowngradeToStandard (docs/architecture.md, "Beans the models name").
 */
@Component("downgradeEmergency")
class DowngradeToStandard implements JavaDelegate {

    private final TicketRepository tickets;
    private final TicketEvents events;
    private final TicketOfProcess ticketOf;
    private final DeskClock clock;

    DowngradeToStandard(TicketRepository tickets, TicketEvents events, TicketOfProcess ticketOf, DeskClock clock) {
        this.tickets = tickets;
        this.events = events;
        this.ticketOf = ticketOf;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var by = ProcessText.actor(execution, "unknown");
        var ticketId = ticketOf.idOf(execution);
        var reason = ProcessVariables.DOWNGRADE_REASON.get(execution);
        tickets.downgrade(ticketId, by, clock.now(), reason);
        events.record(ticketId, TicketEvents.Type.DOWNGRADED, by, "emergency → standard: " + reason);
        ProcessVariables.EMERGENCY.set(execution, false);
        ProcessVariables.DOWNGRADED_BY.set(execution, by);
    }
}
