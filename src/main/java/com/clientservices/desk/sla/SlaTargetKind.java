package com.clientservices.desk.sla;

import static com.clientservices.desk.engine.ProcessVariables.ACKNOWLEDGEMENT_WARNING_AT;
import static com.clientservices.desk.engine.ProcessVariables.ACKNOWLEDGEMENT_WARNS;
import static com.clientservices.desk.engine.ProcessVariables.ACKNOWLEDGE_BY;
import static com.clientservices.desk.engine.ProcessVariables.NEXT_RESPONSE_BY;
import static com.clientservices.desk.engine.ProcessVariables.NEXT_RESPONSE_WARNING_AT;
import static com.clientservices.desk.engine.ProcessVariables.NEXT_RESPONSE_WARNS;
import static com.clientservices.desk.engine.ProcessVariables.STATUS_UPDATE_BY;

import com.clientservices.desk.engine.ProcessVariable;
import java.time.OffsetDateTime;

/** The response-time targets of docs/specification.md §6, with the process variables each hands to the models. */
public enum SlaTargetKind {
    /** Met when Task_AcknowledgeTicket is completed. */
    ACKNOWLEDGEMENT("acknowledgement", ACKNOWLEDGE_BY, ACKNOWLEDGEMENT_WARNING_AT, ACKNOWLEDGEMENT_WARNS),
    /** After a customer's answer; met when the agent next completes Task_DiagnoseIssue. */
    NEXT_RESPONSE("next response", NEXT_RESPONSE_BY, NEXT_RESPONSE_WARNING_AT, NEXT_RESPONSE_WARNS),
    /** Emergency frequent contact: the next status update to the customer; met when it is delivered. */
    STATUS_UPDATE("status update", STATUS_UPDATE_BY, null, null);

    /** How people read it in messages. */
    final String label;

    final ProcessVariable<OffsetDateTime> dueVariable;
    final ProcessVariable<OffsetDateTime> warningVariable;
    final ProcessVariable<Boolean> warnsVariable;

    SlaTargetKind(
            String label,
            ProcessVariable<OffsetDateTime> dueVariable,
            ProcessVariable<OffsetDateTime> warningVariable,
            ProcessVariable<Boolean> warnsVariable) {
        this.label = label;
        this.dueVariable = dueVariable;
        this.warningVariable = warningVariable;
        this.warnsVariable = warnsVariable;
    }
}
