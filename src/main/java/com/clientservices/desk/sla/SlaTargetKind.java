package com.clientservices.desk.sla;

/** The response-time targets of docs/specification.md §6, with the process variables each hands to the models. */
public enum SlaTargetKind {
    /** Met when Task_AcknowledgeTicket is completed. */
    ACKNOWLEDGEMENT("acknowledgement", "acknowledgeBy", "acknowledgementWarningAt", "acknowledgementWarns"),
    /** After a customer's answer; met when the agent next completes Task_DiagnoseIssue. */
    NEXT_RESPONSE("next response", "nextResponseBy", "nextResponseWarningAt", "nextResponseWarns"),
    /** Emergency frequent contact: the next status update to the customer; met when it is delivered. */
    STATUS_UPDATE("status update", "statusUpdateBy", null, null);

    /** How people read it in messages. */
    final String label;
    final String dueVariable;
    final String warningVariable;
    final String warnsVariable;

    SlaTargetKind(String label, String dueVariable, String warningVariable, String warnsVariable) {
        this.label = label;
        this.dueVariable = dueVariable;
        this.warningVariable = warningVariable;
        this.warnsVariable = warnsVariable;
    }
}
