package com.clientservices.desk.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds the {@link TaskFormAdditions} to every answer of the engine's "form variables of a task"
 * command, whichever client asked (Tasklist, the engine REST API). The command has already checked
 * that the caller may read the task's variables; the additions then read the ticket (and the names
 * of the people in it) without the caller's authorizations, in a read-only command of their own.
 * They are Spring beans that need the engine themselves, hence the provider.
 */
@Component
class TaskFormAdditionsPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TaskFormAdditions> additions;

    TaskFormAdditionsPlugin(ObjectProvider<TaskFormAdditions> additions) {
        this.additions = additions;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.append(configuration, new Add(configuration, additions));
    }

    private static final class Add extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;
        private final ObjectProvider<TaskFormAdditions> additions;

        Add(ProcessEngineConfigurationImpl configuration, ObjectProvider<TaskFormAdditions> additions) {
            this.configuration = configuration;
            this.additions = additions;
        }

        @Override
        public <T> T execute(Command<T> command) {
            var result = next.execute(command);
            if (command instanceof GetTaskFormVariablesCmd form && result instanceof VariableMap variables) {
                var added = configuration
                        .getCommandExecutorTxRequired()
                        .execute(context -> context.runWithoutAuthorization(() -> {
                            var task = openTask(context, form.resourceId);
                            var values = new LinkedHashMap<String, String>();
                            if (task != null) {
                                additions.orderedStream().forEach(addition -> values.putAll(addition.forTask(task)));
                            }
                            return values;
                        }));
                add(added, form, variables);
            }
            return result;
        }

        private static void add(Map<String, String> values, GetTaskFormVariablesCmd form, VariableMap variables) {
            values.forEach((name, value) -> {
                if (form.formVariableNames == null || form.formVariableNames.contains(name)) {
                    variables.putValueTyped(name, Variables.stringValue(value));
                }
            });
        }

        private static TaskFormAdditions.OpenTask openTask(CommandContext context, String taskId) {
            var task = context.getTaskManager().findTaskById(taskId);
            if (task == null || task.getProcessInstanceId() == null) {
                return null;
            }
            var instance = task.getProcessInstance();
            return new TaskFormAdditions.OpenTask(
                    task.getId(),
                    task.getTaskDefinitionKey(),
                    task.getProcessDefinition().getKey(),
                    instance.getBusinessKey(),
                    task.getAssignee(),
                    task.getCreateTime(),
                    task.getDueDate());
        }
    }
}
