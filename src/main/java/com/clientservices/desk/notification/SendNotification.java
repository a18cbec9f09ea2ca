package com.clientservices.desk.notification;

import com.clientservices.desk.engine.EngineCommands;
import com.clientservices.desk.engine.ProcessVariables;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.identity.UserNames;
import com.clientservices.desk.sla.BusinessCalendar;
import com.clientservices.desk.ticket.Ticket;
import com.clientservices.desk.ticket.TicketRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Queues the message a send task of a model names: its input {@code template} is the message
 * kind, its input {@code to} who receives it by role: {@code customer} (the contact who submitted
 * the ticket), {@code account-representative} (the customer's), {@code team} (every member of the
 * ticket's team) or {@code group:<group id>}, or several of these separated by commas. Recipients and the ticket's details come from the
 * ticket record, never from process variables a task form could change. The message is rendered
 * and queued in the same transaction as the business step, and the {@code deliver-notification}
 * process sends it once that transaction has committed, so a failing mail server never holds a
 * ticket up or loses a message.
 */
@Component("sendNotification")
class SendNotification implements JavaDelegate {

    static final String DELIVERY_PROCESS = "deliver-notification";
    private static final String CUSTOMER = "customer";
    private static final String ACCOUNT_REPRESENTATIVE = "account-representative";
    private static final String TEAM = "team";
    private static final String GROUP = "group:";

    private final MessageTemplates templates;
    private final Notifications notifications;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final BusinessCalendar calendar;
    private final TicketRepository tickets;
    private final Members members;

    SendNotification(
            MessageTemplates templates,
            Notifications notifications,
            IdentityService identity,
            RuntimeService runtime,
            BusinessCalendar calendar,
            TicketRepository tickets,
            Members members) {
        this.tickets = tickets;
        this.members = members;
        this.templates = templates;
        this.notifications = notifications;
        this.identity = identity;
        this.runtime = runtime;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var template = ProcessVariables.TEMPLATE.getLocal(execution);
        var to = ProcessVariables.TO.getLocal(execution);
        if (template == null || to == null || to.isBlank()) {
            throw new IllegalStateException(execution.getCurrentActivityId() + " needs the inputs 'template' and 'to'");
        }
        var ticket = tickets.findByKey(execution.getProcessBusinessKey())
                .orElseThrow(() -> new IllegalStateException("no ticket " + execution.getProcessBusinessKey()));
        var member = members.find(ticket.memberId()).orElseThrow();
        var recipients = recipients(to, ticket, member);
        var values = new HashMap<String, Object>();
        execution.getVariables().forEach((name, value) -> values.put(name, readable(value)));
        values.putAll(details(ticket, member));
        values.put("recipientName", recipients.name());
        var message = templates.render(template, values);
        var id = notifications.queue(
                ticket.id(), template, recipients.who(), String.join(", ", recipients.addresses()), message);
        // Queuing is the desk's own doing, whoever's action caused the message.
        EngineCommands.withoutAuthorization(() -> runtime.startProcessInstanceByKey(
                DELIVERY_PROCESS,
                execution.getProcessBusinessKey(),
                Map.of(ProcessVariables.NOTIFICATION_ID.name(), id)));
    }

    /** The request as the customer sent it, in full, and who is who on the ticket. */
    private Map<String, Object> details(Ticket ticket, Members.Member member) {
        var details = new HashMap<String, Object>();
        details.put("ticketKey", ticket.key());
        details.put("subject", ticket.subject());
        details.put("description", ticket.description());
        details.put("impact", ticket.impact());
        details.put("requestType", ticket.requestType());
        details.put("stepsToReproduce", orNone(ticket.stepsToReproduce()));
        details.put(
                "objectIds",
                ticket.objectIds() == null || ticket.objectIds().isEmpty()
                        ? "none"
                        : String.join(", ", ticket.objectIds()));
        details.put(
                "environment",
                ticket.environment() == null || ticket.environment().isEmpty()
                        ? "none"
                        : ticket.environment().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(", ")));
        details.put("browser", orNone(ticket.browser()));
        details.put("operatingSystem", orNone(ticket.operatingSystem()));
        details.put("emergencyPhone", orNone(ticket.emergencyPhone()));
        details.put(
                "emergencyCriteria",
                ticket.emergencyCriteria() == null ? "none" : String.join(", ", ticket.emergencyCriteria()));
        details.put("submittedBy", ticket.submittedBy());
        details.put("submittedAt", readable(Date.from(ticket.submittedAt().toInstant())));
        details.put("memberName", member.name());
        details.put("accountRepresentative", member.accountRepresentative());
        details.put("team", ticket.team() == null ? "none" : ticket.team());
        if (ticket.acknowledgeBy() != null) {
            details.put(
                    "acknowledgeBy", readable(Date.from(ticket.acknowledgeBy().toInstant())));
        }
        return details;
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "none" : value;
    }

    /** One recipient role, or several separated by commas ({@code team, group:cs-managers}): one message to all. */
    private Recipients recipients(String to, Ticket ticket, Members.Member member) {
        var each = Arrays.stream(to.split(","))
                .map(String::strip)
                .filter(role -> !role.isEmpty())
                .map(role -> recipient(role, ticket, member))
                .toList();
        if (each.size() == 1) {
            return each.get(0);
        }
        var addresses =
                each.stream().flatMap(r -> r.addresses().stream()).distinct().toList();
        return new Recipients(
                each.stream().map(Recipients::who).collect(Collectors.joining(", ")),
                each.stream().map(Recipients::name).collect(Collectors.joining(" and ")),
                addresses);
    }

    private Recipients recipient(String to, Ticket ticket, Members.Member member) {
        return switch (to) {
            case CUSTOMER -> user(ticket.submittedBy());
            case ACCOUNT_REPRESENTATIVE -> user(member.accountRepresentative());
            case TEAM -> group(ticket.team());
            default -> {
                if (!to.startsWith(GROUP)) {
                    throw new IllegalStateException("unknown recipient '" + to
                            + "': use customer, account-representative, " + "team or group:<group id>");
                }
                yield group(to.substring(GROUP.length()));
            }
        };
    }

    private Recipients group(String groupId) {
        var group = identity.createGroupQuery().groupId(groupId).singleResult();
        var addresses = new ArrayList<String>();
        identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(User::getEmail)
                .filter(address -> address != null && !address.isBlank())
                .forEach(addresses::add);
        return new Recipients(GROUP + groupId, group == null ? groupId : group.getName(), addresses);
    }

    private Recipients user(String userId) {
        var user = identity.createUserQuery().userId(userId).singleResult();
        var addresses = new ArrayList<String>();
        if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
            addresses.add(user.getEmail());
        }
        return new Recipients(userId, user == null ? userId : UserNames.fullName(user), addresses);
    }

    // Dates read as the calendar's wall time with offset, the way the desk shows every time.
    private Object readable(Object value) {
        return value instanceof Date date ? calendar.local(date.toInstant()) : value;
    }

    private record Recipients(String who, String name, List<String> addresses) {}
}
