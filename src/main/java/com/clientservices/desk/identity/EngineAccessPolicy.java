package com.clientservices.desk.identity;

import com.clientservices.desk.engine.Causes;
import com.clientservices.desk.engine.CommandFields;
import com.clientservices.desk.engine.CommandInterceptors;
import com.clientservices.desk.forms.TaskForms;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * What a signed-in user may ask of the engine beyond its own authorizations (docs/specification.md §8), whichever
 * way the call comes (engine REST API, Tasklist, Cockpit). Agents hold only READ and TASK_WORK on
 * their team's tasks (see {@code default-user-permission-name-for-task} in application.yml), which
 * already keeps them from setting variables, due dates, priorities, names and candidate groups.
 * TASK_WORK still lets the engine accept more than working a task through its form, and comments
 * and attachments are not checked by the engine at all, so this adds:
 * <ul>
 * <li>a task is completed only with the fields of its form; read-only fields keep their value;</li>
 * <li>no BPMN error or escalation is thrown from a task, and no comment is changed or deleted;</li>
 * <li>a user claims a task for themself only, and may give back (unclaim) a task they hold; a task
 * is resolved only by whom it was delegated to, so resolving cannot unclaim a colleague's task;</li>
 * <li>no deployment is deleted: the tickets that ran a model's version keep it, their history and
 * the diagrams of their path (with cascade the engine would delete their processes);</li>
 * <li>names and e-mail addresses stay as the administrators set them (they stand on every ticket's
 * record and message); a user may still change their own password.</li>
 * <li>comments and engine attachments go on a task its team may work (never on a process
 * instance), and attachments are read only where the task is readable.</li>
 * </ul>
 * Administrators keep the engine's own rules. Applies only to what a user calls: the desk's own
 * nested work inside a command is the models' doing.
 */
@Component
class EngineAccessPolicy extends AbstractProcessEnginePlugin {

    private final TaskForms forms;

    EngineAccessPolicy(TaskForms forms) {
        this.forms = forms;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.append(configuration, new Guard(configuration, forms));
    }

    private static final class Guard extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;
        private final TaskForms forms;

        Guard(ProcessEngineConfigurationImpl configuration, TaskForms forms) {
            this.configuration = configuration;
            this.forms = forms;
        }

        @Override
        public <T> T execute(Command<T> command) {
            var user = configuration.getIdentityService().getCurrentAuthentication();
            if (Context.getCommandContext() != null || user == null || isAdmin(user)) {
                return next.execute(command);
            }
            if (command instanceof HandleTaskBpmnErrorCmd
                    || command instanceof HandleTaskEscalationCmd
                    || command instanceof DeleteTaskCmd) {
                throw refused(
                        user,
                        "A task is worked only by completing its form; it cannot throw a BPMN error or "
                                + "escalation, or be deleted.");
            }
            if (command instanceof FailedJobListener && failedForWantOfPermission(command)) {
                // The engine counts a job run that the caller was never allowed to start as a failure
                // of the job: three such calls and an SLA timer ends in an incident instead of firing.
                return null;
            }
            if (command instanceof ExecuteJobsCmd) {
                // A failed run would count against the job's retries: enough calls and an SLA timer never fires.
                // (the engine REST API passes only its own AuthorizationException through as 403 here)
                throw new AuthorizationException(
                        user.getUserId() + ": timers and deliveries run when they are due, " + "not on request.");
            }
            if (command instanceof DeleteDeploymentCmd) {
                throw refused(
                        user,
                        "A deployed model stays: the tickets that ran it keep their process, history and path. "
                                + "Deploy a corrected version instead; an administrator may remove a deployment.");
            }
            if (command instanceof DeleteUserCmd) {
                throw refused(user, "Only an administrator may delete a user.");
            }
            if (command instanceof SaveUserCmd) {
                checkProfile(user, command);
            }
            // Submitting the form of a delegated task resolves it (back to its owner) instead of completing it.
            if (command instanceof ResolveTaskCmd || command instanceof SubmitTaskFormCmd) {
                var delegate = delegateOf(CommandFields.string(command, "taskId"));
                if ((command instanceof ResolveTaskCmd || delegate != null)
                        && !user.getUserId().equals(delegate)) {
                    throw refused(user, "Only whom a task was delegated to may resolve it.");
                }
            }
            if (command instanceof UpdateCommentCmd
                    || command instanceof DeleteTaskCommentCmd
                    || command instanceof DeleteProcessInstanceCommentCmd) {
                throw refused(user, "Comments are part of the ticket's record and cannot be changed or deleted.");
            }
            if (command instanceof CompleteTaskCmd) {
                checkSubmission(user, command, "variables");
            } else if (command instanceof SubmitTaskFormCmd) {
                checkSubmission(user, command, "properties");
            } else if (command instanceof ClaimTaskCmd) {
                if (!user.getUserId().equals(CommandFields.string(command, "userId"))) {
                    throw refused(user, "You may claim a task for yourself only.");
                }
            } else if (command instanceof AssignTaskCmd && CommandFields.string(command, "userId") == null) {
                return giveBack(user, command);
            } else if (command instanceof AddCommentCmd || command instanceof CreateAttachmentCmd) {
                if (!mayWork(user, CommandFields.string(command, "taskId"))) {
                    throw refused(user, "Comments and attachments go on a task of your team.");
                }
            } else if (command instanceof SaveAttachmentCmd || command instanceof DeleteAttachmentCmd) {
                if (!mayWork(user, taskOfAttachment(command))) {
                    throw refused(user, "Only the task's team may change its attachments.");
                }
            } else if (command instanceof GetTaskAttachmentCmd
                    || command instanceof GetTaskAttachmentContentCmd
                    || command instanceof GetAttachmentCmd
                    || command instanceof GetAttachmentContentCmd
                    || command instanceof GetTaskCommentCmd) {
                // Answered like an attachment that does not exist: another team's files stay unseen.
                if (!mayRead(user, taskOf(command))) {
                    return null;
                }
            } else if (command instanceof GetTaskAttachmentsCmd || command instanceof GetTaskCommentsCmd) {
                if (!mayRead(user, CommandFields.string(command, "taskId"))) {
                    return empty();
                }
            } else if (command instanceof GetProcessInstanceAttachmentsCmd
                    || command instanceof GetProcessInstanceCommentsCmd) {
                if (!isAuthorized(
                        user,
                        Permissions.READ,
                        Resources.PROCESS_INSTANCE,
                        CommandFields.string(command, "processInstanceId"))) {
                    return empty();
                }
            }
            return next.execute(command);
        }

        private static boolean failedForWantOfPermission(Command<?> listener) {
            var failure = CommandFields.read(listener, "jobFailureCollector")
                    .map(collector -> ((JobFailureCollector) collector).getFailure())
                    .orElse(null);
            return Causes.first(failure, AuthorizationException.class).isPresent();
        }

        private boolean isAdmin(Authentication user) {
            var adminGroups =
                    configuration.getAdminGroups() == null ? List.<String>of() : configuration.getAdminGroups();
            var adminUsers = configuration.getAdminUsers() == null ? List.<String>of() : configuration.getAdminUsers();
            return adminUsers.contains(user.getUserId())
                    || (user.getGroupIds() != null
                            && user.getGroupIds().stream().anyMatch(adminGroups::contains));
        }

        /**
         * A completion carries only the fields of the task's form (docs/specification.md §8): the variables the
         * models read (team, due times, ticket ids) are out of reach, and a field the form shows
         * read-only cannot be changed through it either.
         */
        private void checkSubmission(Authentication user, Command<?> command, String variablesField) {
            var taskId = CommandFields.string(command, "taskId");
            @SuppressWarnings("unchecked")
            var submitted = (Map<String, Object>)
                    CommandFields.read(command, variablesField).orElse(Map.of());
            if (submitted.isEmpty()) {
                return;
            }
            var values = Variables.fromMap(submitted);
            var problem = inContext(context -> {
                var task = context.getTaskManager().findTaskById(taskId);
                if (task == null) {
                    return null; // the engine answers that the task does not exist
                }
                var fields = forms.fieldsOf(task);
                for (var name : values.keySet()) {
                    if (!fields.all().contains(name)) {
                        return name + " is not a field of the form of " + task.getName();
                    }
                    if (!fields.editable().contains(name)
                            && !Objects.equals(values.get(name), task.getVariable(name))) {
                        return name + " is shown read-only on the form of " + task.getName() + " and cannot be changed";
                    }
                }
                return null;
            });
            if (problem != null) {
                throw refused(user, "You may submit only the fields of the task's form: " + problem + ".");
            }
        }

        /**
         * The engine lets every user save their own record (the engine grants it to each new user);
         * the desk lets them change only their password there: a name changed after the fact would
         * rewrite who did what on every timeline and message that shows it (docs/specification.md §8).
         */
        private void checkProfile(Authentication user, Command<?> command) {
            var saved = (User) CommandFields.read(command, "user").orElse(null);
            var stored = saved == null
                    ? null
                    : inContext(context -> context.getReadOnlyIdentityProvider().findUserById(saved.getId()));
            if (stored == null
                    || !Objects.equals(stored.getFirstName(), saved.getFirstName())
                    || !Objects.equals(stored.getLastName(), saved.getLastName())
                    || !Objects.equals(stored.getEmail(), saved.getEmail())) {
                throw refused(
                        user,
                        "Names and e-mail addresses are kept by the administrators; you may change your password.");
            }
        }

        /** Whom the task is delegated to while it waits for them to resolve it, or null. */
        private String delegateOf(String taskId) {
            return taskId == null
                    ? null
                    : inContext(context -> {
                        var task = context.getTaskManager().findTaskById(taskId);
                        return task != null && task.getDelegationState() == DelegationState.PENDING
                                ? task.getAssignee()
                                : null;
                    });
        }

        /** Unclaim: the engine asks for TASK_ASSIGN, which would also let agents hand tasks to anyone. */
        private <T> T giveBack(Authentication user, Command<T> command) {
            var taskId = CommandFields.string(command, "taskId");
            var holds = taskId != null
                    && inContext(context -> {
                        var task = context.getTaskManager().findTaskById(taskId);
                        return task != null
                                && user.getUserId().equals(task.getAssignee())
                                && authorized(context, user, TaskPermissions.TASK_WORK, Resources.TASK, taskId);
                    });
            if (!holds) {
                return next.execute(command); // the engine's own rules decide, and refuse agents
            }
            return next.execute(
                    (Command<T>) context -> context.runWithoutAuthorization(() -> command.execute(context)));
        }

        /** One look-up: the task exists and the user may work it. */
        private boolean mayWork(Authentication user, String taskId) {
            return taskId != null
                    && inContext(context -> context.getTaskManager().findTaskById(taskId) != null
                            && authorized(context, user, TaskPermissions.TASK_WORK, Resources.TASK, taskId));
        }

        private boolean mayRead(Authentication user, String taskId) {
            return isAuthorized(user, Permissions.READ, Resources.TASK, taskId);
        }

        private boolean isAuthorized(Authentication user, Permission permission, Resources resource, String id) {
            return id != null && inContext(context -> authorized(context, user, permission, resource, id));
        }

        private static boolean authorized(
                CommandContext context, Authentication user, Permission permission, Resources resource, String id) {
            return context.getAuthorizationManager()
                    .isAuthorized(user.getUserId(), user.getGroupIds(), permission, resource, id);
        }

        private String taskOf(Command<?> command) {
            var taskId = CommandFields.string(command, "taskId");
            return taskId != null ? taskId : taskOfAttachment(command);
        }

        private String taskOfAttachment(Command<?> command) {
            var attachment = CommandFields.read(command, "attachment");
            if (attachment.isPresent()) {
                return ((Attachment) attachment.get()).getTaskId();
            }
            var attachmentId = CommandFields.string(command, "attachmentId");
            return attachmentId == null
                    ? null
                    : inContext(context -> {
                        var stored = context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
                        return stored == null ? null : stored.getTaskId();
                    });
        }

        /** Looks things up as the desk, not as the user: the checks above decide what the user may. */
        private <R> R inContext(Command<R> lookup) {
            return configuration.getCommandExecutorTxRequired().execute(context -> {
                context.disableAuthorizationCheck();
                try {
                    return lookup.execute(context);
                } finally {
                    context.enableAuthorizationCheck();
                }
            });
        }

        /**
         * 403 through the engine REST API and the webapps, also where their resources turn any
         * engine exception into a 400 (comments, attachments).
         */
        private static InvalidRequestException refused(Authentication user, String why) {
            return new InvalidRequestException(Status.FORBIDDEN, user.getUserId() + ": " + why);
        }

        @SuppressWarnings("unchecked")
        private static <T> T empty() {
            return (T) List.of();
        }
    }
}
