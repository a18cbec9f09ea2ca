package com.clientservices.desk.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * An agent found at acknowledgement that the emergency is not one (SPEC §3): the ticket becomes a
 * standard issue, and who decided it, when and why stays on the ticket.
 */
@Component("downgradeEmergency")
class DowngradeToStandard implements JavaDelegate {

    private final TicketRepository tickets;
    private final TicketOfProcess ticketOf;

    DowngradeToStandard(TicketRepository tickets, TicketOfProcess ticketOf) {
        this.tickets = tickets;
        this.ticketOf = ticketOf;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var by = ProcessText.actor(execution, "unknown");
        tickets.downgrade(ticketOf.idOf(execution), by, ClockUtil.now().toInstant(),
                (String) execution.getVariable("downgradeReason"));
        execution.setVariable("emergency", false);
        execution.setVariable("downgradedBy", by);
    }
}
