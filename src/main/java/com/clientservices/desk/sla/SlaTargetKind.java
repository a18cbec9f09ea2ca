package com.clientservices.desk.sla;

/** The response-time targets of SPEC §6, with the process variables each hands to the models. */
public enum SlaTargetKind {
    /** Met when Task_AcknowledgeTicket is completed. */
    ACKNOWLEDGEMENT("acknowledgeBy", "acknowledgementWarningAt", "acknowledgementWarns"),
    /** After a customer's answer; met when the agent next completes Task_DiagnoseIssue. */
    NEXT_RESPONSE("nextResponseBy", "nextResponseWarningAt", "nextResponseWarns"),
    /** Emergency frequent contact: the next status update to the customer; met when it is delivered. */
    STATUS_UPDATE("statusUpdateBy", null, null);

    final String dueVariable;
    final String warningVariable;
    final String warnsVariable;

    SlaTargetKind(String dueVariable, String warningVariable, String warnsVariable) {
        this.dueVariable = dueVariable;
        this.warningVariable = warningVariable;
        this.warnsVariable = warnsVariable;
    }
}
