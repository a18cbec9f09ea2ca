package com.clientservices.desk.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The ticket a running process belongs to. A process is its ticket's through the business key the
 * desk gave it at submission (and the call activities and breach processes inherit), never through
 * a process variable: variables can be written from outside, the business key cannot (docs/specification.md §8).
 */
@Component
public class TicketOfProcess {

    private final TicketRepository tickets;

    TicketOfProcess(TicketRepository tickets) {
        this.tickets = tickets;
    }

    public Ticket of(DelegateExecution execution) {
        var key = execution.getProcessBusinessKey();
        return tickets.findByKey(key == null ? "" : key)
                .orElseThrow(() -> new IllegalStateException("process " + execution.getProcessInstanceId()
                        + " belongs to no ticket (business key " + key + ")"));
    }

    public long idOf(DelegateExecution execution) {
        return of(execution).id();
    }
}
