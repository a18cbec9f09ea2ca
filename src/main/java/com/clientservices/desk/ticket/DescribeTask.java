package com.clientservices.desk.ticket;

import com.clientservices.desk.engine.ProcessVariables;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.routing.RequestType;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts the ticket key and subject into a task's name, so a queue in Tasklist reads as a list of
 * tickets; the model keeps the plain label ("Acknowledge ticket") as the first part. The task also
 * carries the customer's name and the request type in words, which each queue entry shows.
 */
@Component("describeTask")
class DescribeTask implements TaskListener {

    private final TicketOfProcess ticketOf;
    private final Members members;
    private final RequestTypeCatalogue requestTypes;

    DescribeTask(TicketOfProcess ticketOf, Members members, RequestTypeCatalogue requestTypes) {
        this.ticketOf = ticketOf;
        this.members = members;
        this.requestTypes = requestTypes;
    }

    // The engine's column for task names holds 255 characters.
    private static final int NAME_MAX = 255;

    @Override
    public void notify(DelegateTask task) {
        var ticket = ticketOf.of(task.getExecution());
        var name = ticket.key() + " · " + task.getName() + " · " + ticket.subject();
        task.setName(name.length() <= NAME_MAX ? name : name.substring(0, NAME_MAX - 1) + "…");
        ProcessVariables.CUSTOMER_NAME.setLocal(
                task, members.find(ticket.memberId()).map(Members.Member::name).orElse("member " + ticket.memberId()));
        ProcessVariables.REQUEST_TYPE_LABEL.setLocal(
                task,
                requestTypes.find(ticket.requestType()).map(RequestType::label).orElse(ticket.requestType()));
    }
}
