package com.clientservices.desk.forms;

import java.util.HashMap;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
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

    private final TaskForms forms;

    RequireFormFields(TaskForms forms) {
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        var found = forms.formOf(task);
        if (found.isEmpty()) {
            return;
        }
        var form = found.get();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            FormRules.editableKeys(form).forEach(key -> task.getExecution().removeVariable(key));
            return;
        }
        // Every field of the form is known to its conditions, unset ones as null, as in the browser.
        var values = new HashMap<String, Object>();
        FormRules.keys(form).forEach(key -> values.put(key, null));
        values.putAll(task.getVariables());
        // The form's conditions are FEEL, evaluated by the engine's own FEEL engine as in the browser.
        var feel = ((DefaultDmnEngineConfiguration)
                        Context.getProcessEngineConfiguration().getDmnEngineConfiguration())
                .getFeelEngine();
        var context = Variables.fromMap(values).asVariableContext();
        var problems = FormRules.problems(
                form,
                values,
                hide -> Boolean.TRUE.equals(
                        feel.evaluateSimpleExpression(hide.startsWith("=") ? hide.substring(1) : hide, context)));
        if (!problems.isEmpty()) {
            var firstField = problems.get(0).substring(0, problems.get(0).indexOf(':'));
            throw new FormRuleViolation(
                    firstField, "Cannot complete " + task.getName() + ": " + String.join("; ", problems));
        }
    }
}
