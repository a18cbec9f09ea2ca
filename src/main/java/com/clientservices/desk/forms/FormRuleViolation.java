package com.clientservices.desk.forms;

import org.camunda.bpm.engine.BadUserRequestException;

/** Submitted task values break a rule of the task's form; the caller is told which field. */
public class FormRuleViolation extends BadUserRequestException {

    public FormRuleViolation(String message) {
        super(message);
    }
}
