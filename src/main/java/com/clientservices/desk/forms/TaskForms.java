package com.clientservices.desk.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form a task shows, as deployed: its binding decides between the process's own
 * deployment and the latest version. Runs inside an engine command (a task listener, or the check
 * of what a user submits), where the deployed resources are at hand.
 */
@Component
public class TaskForms {

    private final ObjectMapper json;
    private final Map<String, JsonNode> forms = new ConcurrentHashMap<>();

    TaskForms(ObjectMapper json) {
        this.json = json;
    }

    /** The task's form, or empty when its model gives it none. */
    Optional<JsonNode> formOf(DelegateTask task) {
        var formId = task.getBpmnModelElementInstance().getCamundaFormRef();
        if (formId == null) {
            return Optional.empty();
        }
        var commandContext = Context.getCommandContext();
        var definitions = commandContext.getCamundaFormDefinitionManager();
        var binding = task.getBpmnModelElementInstance().getCamundaFormRefBinding();
        var definition = "deployment".equals(binding)
                ? definitions.findDefinitionByDeploymentAndKey(
                        ((ExecutionEntity) task.getExecution())
                                .getProcessDefinition()
                                .getDeploymentId(),
                        formId)
                : definitions.findLatestDefinitionByKey(formId);
        if (definition == null) {
            throw new IllegalStateException("form " + formId + " (binding " + binding + ") is not deployed");
        }
        return Optional.of(forms.computeIfAbsent(definition.getId(), id -> {
            var resource = commandContext
                    .getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(
                            definition.getDeploymentId(), definition.getResourceName());
            try {
                return json.readTree(resource.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("form " + definition.getResourceName() + " is not JSON", e);
            }
        }));
    }

    /**
     * The fields of the task's form: those a user fills in, and all that carry a value (shown
     * read-only ones included). No form, no fields.
     */
    public Fields fieldsOf(DelegateTask task) {
        return formOf(task)
                .map(form -> new Fields(FormRules.editableKeys(form), FormRules.keys(form)))
                .orElse(new Fields(List.of(), List.of()));
    }

    public record Fields(List<String> editable, List<String> all) {}
}
