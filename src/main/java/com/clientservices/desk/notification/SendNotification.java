package com.clientservices.desk.notification;

import com.clientservices.desk.sla.BusinessCalendar;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Queues the message a send task of a model names: its input {@code template} is the message
 * kind, its input {@code to} who receives it, a user id or {@code group:<group id>} for every
 * member of a group. The message is rendered and queued in the same transaction as the business
 * step, and the {@code deliver-notification} process sends it once that transaction has committed,
 * so a failing mail server never holds a ticket up or loses a message.
 */
@Component("sendNotification")
class SendNotification implements JavaDelegate {

    static final String DELIVERY_PROCESS = "deliver-notification";
    private static final String GROUP = "group:";

    private final MessageTemplates templates;
    private final Notifications notifications;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final BusinessCalendar calendar;

    SendNotification(MessageTemplates templates, Notifications notifications, IdentityService identity,
            RuntimeService runtime, BusinessCalendar calendar) {
        this.templates = templates;
        this.notifications = notifications;
        this.identity = identity;
        this.runtime = runtime;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var template = (String) execution.getVariableLocal("template");
        var to = (String) execution.getVariableLocal("to");
        if (template == null || to == null || to.isBlank()) {
            throw new IllegalStateException(execution.getCurrentActivityId() + " needs the inputs 'template' and 'to'");
        }
        var recipients = recipients(to);
        var values = new HashMap<String, Object>();
        execution.getVariables().forEach((name, value) -> values.put(name, readable(value)));
        values.put("recipientName", recipients.name());
        var message = templates.render(template, values);
        var ticketId = (Long) execution.getVariable("ticketId");
        var id = notifications.queue(ticketId, template, to, String.join(", ", recipients.addresses()), message);
        // Queuing is the desk's own doing, whoever's action caused the message.
        Context.getCommandContext().runWithoutAuthorization(() -> runtime.startProcessInstanceByKey(
                DELIVERY_PROCESS, execution.getProcessBusinessKey(), Map.of("notificationId", id)));
    }

    private Recipients recipients(String to) {
        if (to.startsWith(GROUP)) {
            var groupId = to.substring(GROUP.length());
            var group = identity.createGroupQuery().groupId(groupId).singleResult();
            var addresses = new ArrayList<String>();
            identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                    .map(User::getEmail).filter(address -> address != null && !address.isBlank()).forEach(addresses::add);
            return new Recipients(group == null ? groupId : group.getName(), addresses);
        }
        var user = identity.createUserQuery().userId(to).singleResult();
        if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
            return new Recipients(user == null ? to : name(user), new ArrayList<>());
        }
        var addresses = new ArrayList<String>();
        addresses.add(user.getEmail());
        return new Recipients(name(user), addresses);
    }

    // Dates read as the calendar's wall time with offset, the way the desk shows every time.
    private Object readable(Object value) {
        return value instanceof Date date ? date.toInstant().atZone(calendar.zone()).toOffsetDateTime() : value;
    }

    private static String name(User user) {
        var name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }

    private record Recipients(String name, java.util.List<String> addresses) {
    }
}
