package com.clientservices.desk.sla;

import com.clientservices.desk.ticket.TicketRepository;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts the acknowledgement target: computes when the acknowledgement is due from the
 * submission time and issue kind, and hands it to the model as {@code acknowledgeBy}
 * (ISO-8601 with offset), which the task's due date and the SLA timers use.
 */
@Component("startAcknowledgementClock")
class StartAcknowledgementClock implements JavaDelegate {

    private final BusinessCalendar calendar;
    private final TicketRepository tickets;

    StartAcknowledgementClock(BusinessCalendar calendar, TicketRepository tickets) {
        this.calendar = calendar;
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var submittedAt = ((Date) execution.getVariable("submittedAt")).toInstant();
        var emergency = Boolean.TRUE.equals(execution.getVariable("emergency"));
        var due = calendar.acknowledgeBy(submittedAt, emergency);
        tickets.updateAcknowledgeBy((Long) execution.getVariable("ticketId"), due);
        execution.setVariable("acknowledgeBy", due.toString());
    }
}
