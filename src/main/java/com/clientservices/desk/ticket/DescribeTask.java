package com.clientservices.desk.ticket;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts the ticket key and subject into a task's name, so a queue in Tasklist reads as a list of
 * tickets; the model keeps the plain label ("Acknowledge ticket") as the first part.
 */
@Component("describeTask")
class DescribeTask implements TaskListener {

    private final TicketOfProcess ticketOf;

    DescribeTask(TicketOfProcess ticketOf) {
        this.ticketOf = ticketOf;
    }

    // The engine's column for task names holds 255 characters.
    private static final int NAME_MAX = 255;

    @Override
    public void notify(DelegateTask task) {
        var ticket = ticketOf.of(task.getExecution());
        var name = ticket.key() + " · " + task.getName() + " · " + ticket.subject();
        task.setName(name.length() <= NAME_MAX ? name : name.substring(0, NAME_MAX - 1) + "…");
    }
}
