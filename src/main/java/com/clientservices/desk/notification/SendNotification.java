package com.clientservices.desk.notification;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the message a send task of a model names: its input {@code template} is the message kind,
 * its input {@code to} who receives it, a user id or {@code group:<group id>} for every member of
 * a group. The model says what goes to whom; this class renders and records it.
 */
@Component("sendNotification")
class SendNotification implements JavaDelegate {

    static final String OUTBOX = "OUTBOX";
    private static final String GROUP = "group:";

    private final MessageTemplates templates;
    private final Notifications notifications;
    private final IdentityService identity;

    SendNotification(MessageTemplates templates, Notifications notifications, IdentityService identity) {
        this.templates = templates;
        this.notifications = notifications;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var template = (String) execution.getVariableLocal("template");
        var to = (String) execution.getVariableLocal("to");
        if (template == null || to == null || to.isBlank()) {
            throw new IllegalStateException(execution.getCurrentActivityId() + " needs the inputs 'template' and 'to'");
        }
        Map<String, Object> values = new HashMap<>(execution.getVariables());
        for (var recipient : recipients(to).entrySet()) {
            values.put("recipientName", recipient.getValue().name());
            var message = templates.render(template, values);
            notifications.record((Long) execution.getVariable("ticketId"), template, recipient.getKey(),
                    recipient.getValue().address(), message, OUTBOX);
        }
    }

    private Map<String, Recipient> recipients(String to) {
        var recipients = new LinkedHashMap<String, Recipient>();
        if (to.startsWith(GROUP)) {
            identity.createUserQuery().memberOfGroup(to.substring(GROUP.length())).orderByUserId().asc().list()
                    .forEach(user -> recipients.put(user.getId(), new Recipient(name(user), user.getEmail())));
        } else {
            var user = identity.createUserQuery().userId(to).singleResult();
            recipients.put(to, user == null ? new Recipient(to, null) : new Recipient(name(user), user.getEmail()));
        }
        return recipients;
    }

    private static String name(org.camunda.bpm.engine.identity.User user) {
        var name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }

    private record Recipient(String name, String address) {
    }
}
