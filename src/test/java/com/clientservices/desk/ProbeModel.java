package com.clientservices.desk;

/** The smallest executable model (a start event only), for tests that deploy or refuse a deployment. */
public final class ProbeModel {

    private ProbeModel() {}

    /** A model of that process id in that target namespace. */
    public static String of(String processId, String targetNamespace) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="%s">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="Event_Start" />
                  </process>
                </definitions>
                """.formatted(targetNamespace, processId);
    }
}
