package com.clientservices.desk.ticket;

import com.clientservices.desk.engine.CommandFields;
import com.clientservices.desk.engine.CommandInterceptors;
import jakarta.ws.rs.core.Response.Status;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Two agents who claim or complete the same task at once: the engine lets one win and rolls the
 * other back, but its REST API and Tasklist answer the loser with 500. The loser made no mistake
 * and lost nothing that had been saved, so this answers 409 (or 404 once the task is gone) with
 * what happened, after the loser's transaction has rolled back.
 */
@Component
class ReportTaskConflicts extends AbstractProcessEnginePlugin {

    private static final Set<Class<?>> TASK_COMMANDS =
            Set.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class, ClaimTaskCmd.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.append(configuration, new Translate(configuration));
    }

    private static final class Translate extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Translate(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (!TASK_COMMANDS.contains(command.getClass())) {
                return next.execute(command);
            }
            try {
                return next.execute(command);
            } catch (OptimisticLockingException e) {
                if (command instanceof ClaimTaskCmd) {
                    throw new InvalidRequestException(
                            Status.CONFLICT,
                            e,
                            "Someone else claimed this task at the same "
                                    + "moment. Reload the task to see who has it.");
                }
                throw new InvalidRequestException(
                        Status.CONFLICT,
                        e,
                        "Someone else completed or changed this task "
                                + "at the same moment, so nothing you submitted was saved. Reload the task to see where it stands.");
            } catch (TaskAlreadyClaimedException e) {
                throw new InvalidRequestException(
                        Status.CONFLICT, e, "This task was claimed by " + e.getTaskAssignee() + " a moment ago.");
            } catch (RuntimeException e) {
                // The winner's commit can remove the task, its execution and its team's authorization
                // while the loser is between reading one and the next: the engine then fails with a
                // missing authorization, "Cannot find task", or a NullPointerException on the vanished
                // execution. None of that is the loser's fault when the task is gone afterwards.
                if (taskIsGone(command)) {
                    throw gone(e);
                }
                throw e;
            }
        }

        private static InvalidRequestException gone(Exception e) {
            return new InvalidRequestException(
                    Status.NOT_FOUND,
                    e,
                    "This task no longer exists: someone else "
                            + "completed it, or the ticket moved on. Reload your task list.");
        }

        private boolean taskIsGone(Command<?> command) {
            var taskId = CommandFields.string(command, "taskId");
            return taskId != null
                    && configuration
                            .getCommandExecutorTxRequired()
                            .execute(context ->
                                    context.getDbEntityManager().selectById(TaskEntity.class, taskId) == null);
        }
    }
}
