package com.clientservices.desk.deployment;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;

/**
 * The engine's BPMN parse, with the deployment check before anything of the model is built.
 * A parse listener would run only after the processes, their timers and expressions had been
 * built, and could report one error at most; here each offending element gets its own error
 * through {@link #addError}, and the engine fails the deployment with all of them at once.
 */
final class CheckedBpmnParse extends BpmnParse {

    CheckedBpmnParse(BpmnParser parser) {
        super(parser);
    }

    @Override
    protected void parseRootElement() {
        var findings = BpmnCheck.check(rootElement);
        findings.messages().forEach((element, message) -> addError(message, element));
        if (findings.isEmpty()) {
            super.parseRootElement();
        }
    }
}
