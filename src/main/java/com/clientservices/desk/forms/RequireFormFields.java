package com.clientservices.desk.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a task whose values break the rules of its Camunda Form, however the task is
 * completed (Tasklist, the engine REST API, Java): the form stays the one place where a field is
 * declared required, and the task stays open with a message naming the field. When the task is
 * created, the values its form asks for are cleared, so an answer from an earlier round (last
 * hour's status update, the previous questions) neither fills the form nor satisfies it.
 */
@Component("requireFormFields")
class RequireFormFields implements TaskListener {

    private final ObjectMapper json;
    private final Map<String, JsonNode> forms = new ConcurrentHashMap<>();

    RequireFormFields(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        var formId = task.getBpmnModelElementInstance().getCamundaFormRef();
        if (formId == null) {
            return;
        }
        var form = form(task, formId);
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            FormRules.editableKeys(form).forEach(key -> task.getExecution().removeVariable(key));
            return;
        }
        // Every field of the form is known to its conditions, unset ones as null, as in the browser.
        var values = new HashMap<String, Object>();
        FormRules.keys(form).forEach(key -> values.put(key, null));
        values.putAll(task.getVariables());
        // The form's conditions are FEEL, evaluated by the engine's own FEEL engine as in the browser.
        var feel = ((DefaultDmnEngineConfiguration) Context.getProcessEngineConfiguration().getDmnEngineConfiguration())
                .getFeelEngine();
        var context = Variables.fromMap(values).asVariableContext();
        var problems = FormRules.problems(form, values, hide -> Boolean.TRUE.equals(
                feel.evaluateSimpleExpression(hide.startsWith("=") ? hide.substring(1) : hide, context)));
        if (!problems.isEmpty()) {
            var firstField = problems.get(0).substring(0, problems.get(0).indexOf(':'));
            throw new FormRuleViolation(firstField, "Cannot complete " + task.getName() + ": " + String.join("; ", problems));
        }
    }

    /** The form the task shows: its binding decides between the process's own deployment and the latest. */
    private JsonNode form(DelegateTask task, String formId) {
        var commandContext = Context.getCommandContext();
        var definitions = commandContext.getCamundaFormDefinitionManager();
        var binding = task.getBpmnModelElementInstance().getCamundaFormRefBinding();
        var definition = "deployment".equals(binding)
                ? definitions.findDefinitionByDeploymentAndKey(
                        ((ExecutionEntity) task.getExecution()).getProcessDefinition().getDeploymentId(), formId)
                : definitions.findLatestDefinitionByKey(formId);
        if (definition == null) {
            throw new IllegalStateException("form " + formId + " (binding " + binding + ") is not deployed");
        }
        return forms.computeIfAbsent(definition.getId(), id -> {
            var resource = commandContext.getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
            try {
                return json.readTree(resource.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("form " + definition.getResourceName() + " is not JSON", e);
            }
        });
    }
}
