package com.clientservices.desk.forms;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Submitted task values break a rule of the task's form; the caller is told which field. The
 * engine's REST API and Tasklist answer this kind of exception with 400 and its message.
 */
public class FormRuleViolation extends FormFieldValidationException {

    public FormRuleViolation(String field, String message) {
        super(field, message);
    }
}
