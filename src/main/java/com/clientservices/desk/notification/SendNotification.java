package com.clientservices.desk.notification;

import com.clientservices.desk.engine.DeferredJobs;
import com.clientservices.desk.engine.EngineCommands;
import com.clientservices.desk.engine.ProcessVariables;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.identity.UserNames;
import com.clientservices.desk.ticket.Ticket;
import com.clientservices.desk.ticket.TicketRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Queues the message a send task of a model names: its input {@code template} is the message
 * kind, its input {@code to} who receives it by role:
 *
 * <ul>
 *   <li>{@code customer}: the contact who submitted the ticket;
 *   <li>{@code account-representative}: the customer's;
 *   <li>{@code team}: every member of the ticket's team;
 *   <li>{@code assignee-or-team}: whoever has claimed the ticket's open task of its team (the
 *       lifecycle's tasks, found by the business key the called process shares), or the whole
 *       team while nobody has (docs/specification.md §5, {@code customer-added-information});
 *   <li>{@code group:<group id>}: every member of that group;
 * </ul>
 *
 * or several of these separated by commas, one message to all. Recipients and the ticket come
 * from the ticket record, never from process variables a task form could change; what people
 * wrote for the step and the send task's other inputs ({@code slaTarget}, {@code slaDue}, …)
 * reach the template by name ({@link MessageModels}). The message is rendered and queued in the
 * same transaction as the business step, with the job that sends it once that transaction has
 * committed ({@link DeliverMessage}), so a failing mail server never holds a ticket up or loses a
 * message. The job is the engine's, with its retries and incident, but no process instance: a
 * process per message cost more than the rest of the message (README, "Benchmarks").
 */
@Component("sendNotification")
class SendNotification implements JavaDelegate {

    private static final String CUSTOMER = "customer";
    private static final String ACCOUNT_REPRESENTATIVE = "account-representative";
    private static final String TEAM = "team";
    private static final String ASSIGNEE_OR_TEAM = "assignee-or-team";
    private static final String GROUP = "group:";

    private final MessageTemplates templates;
    private final MessageModels models;
    private final Notifications notifications;
    private final IdentityService identity;
    private final DeferredJobs jobs;
    private final DeliverMessage delivery;
    private final TaskService tasks;
    private final TicketRepository tickets;
    private final Members members;

    SendNotification(
            MessageTemplates templates,
            MessageModels models,
            Notifications notifications,
            IdentityService identity,
            DeferredJobs jobs,
            DeliverMessage delivery,
            TaskService tasks,
            TicketRepository tickets,
            Members members) {
        this.templates = templates;
        this.models = models;
        this.notifications = notifications;
        this.identity = identity;
        this.jobs = jobs;
        this.delivery = delivery;
        this.tasks = tasks;
        this.tickets = tickets;
        this.members = members;
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
        var message = templates.render(
                template, models.of(ticket, member, recipients.name(), CUSTOMER.equals(to.strip()), values(execution)));
        var id = notifications.queue(
                ticket.id(), template, recipients.who(), String.join(", ", recipients.addresses()), message);
        jobs.defer(delivery, Long.toString(id));
    }

    /** What people wrote for the step, then the send task's own inputs, which win. */
    private static Map<String, Object> values(DelegateExecution execution) {
        var values = new HashMap<String, Object>();
        for (var variable : MessageModels.WORDS) {
            var value = execution.getVariable(variable.name());
            if (value != null) {
                values.put(variable.name(), value);
            }
        }
        execution.getVariablesLocal().forEach((name, value) -> {
            if (!name.equals(ProcessVariables.TEMPLATE.name()) && !name.equals(ProcessVariables.TO.name())) {
                values.put(name, value);
            }
        });
        return values;
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
            case ASSIGNEE_OR_TEAM -> assigneesOrTeam(ticket);
            default -> {
                if (!to.startsWith(GROUP)) {
                    throw new IllegalStateException("unknown recipient '" + to
                            + "': use customer, account-representative, team, assignee-or-team or group:<group id>");
                }
                yield group(to.substring(GROUP.length()));
            }
        };
    }

    /** The assignees of the ticket's open tasks of its team; the team while nobody has claimed one. */
    private Recipients assigneesOrTeam(Ticket ticket) {
        // The customer whose reply causes the message may not read the team's tasks; finding who
        // works them is the desk's own doing.
        var assignees = EngineCommands.withoutAuthorization(() -> tasks.createTaskQuery()
                        .processInstanceBusinessKey(ticket.key())
                        .taskCandidateGroup(ticket.team())
                        .includeAssignedTasks()
                        .active()
                        .list())
                .stream()
                .map(Task::getAssignee)
                .filter(assignee -> assignee != null && !assignee.isBlank())
                .distinct()
                .sorted()
                .toList();
        if (assignees.isEmpty()) {
            return group(ticket.team());
        }
        var each = assignees.stream().map(this::user).toList();
        return new Recipients(
                each.stream().map(Recipients::who).collect(Collectors.joining(", ")),
                each.stream().map(Recipients::name).collect(Collectors.joining(" and ")),
                each.stream().flatMap(r -> r.addresses().stream()).distinct().toList());
    }

    private Recipients group(String groupId) {
        var addresses = new ArrayList<String>();
        identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(User::getEmail)
                .filter(address -> address != null && !address.isBlank())
                .forEach(addresses::add);
        var name = models.teamName(groupId);
        return new Recipients(GROUP + groupId, name == null ? groupId : name, addresses);
    }

    private Recipients user(String userId) {
        var user = identity.createUserQuery().userId(userId).singleResult();
        var addresses = new ArrayList<String>();
        if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
            addresses.add(user.getEmail());
        }
        return new Recipients(userId, user == null ? userId : UserNames.fullName(user), addresses);
    }

    private record Recipients(String who, String name, List<String> addresses) {}
}
