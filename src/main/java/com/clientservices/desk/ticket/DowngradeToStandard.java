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

    DowngradeToStandard(TicketRepository tickets) {
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var by = ProcessText.actor(execution, "unknown");
        tickets.downgrade((Long) execution.getVariable("ticketId"), by, ClockUtil.now().toInstant(),
                (String) execution.getVariable("downgradeReason"));
        execution.setVariable("emergency", false);
        execution.setVariable("downgradedBy", by);
    }
}
