package com.clientservices.desk.engine;

import static com.clientservices.desk.engine.ProcessVariable.flag;
import static com.clientservices.desk.engine.ProcessVariable.number;
import static com.clientservices.desk.engine.ProcessVariable.text;
import static com.clientservices.desk.engine.ProcessVariable.time;

import java.time.OffsetDateTime;

/**
 * Every process variable the desk's Java code reads or writes, in one place. The names are part
 * of the models' and forms' contract (docs/specification.md), so they are spelled exactly as there.
 *
 * <p>Variables can be written from outside the desk (a form, the REST API), so the desk reads only
 * those a person is meant to supply: a form's answer, the routing decision's result, a send task's
 * inputs. What a ticket is, and whose, comes from the ticket's own record through the business key
 * ({@code ticket.TicketOfProcess}); {@link #TICKET_ID}, {@link #TICKET_KEY} and the other copies of
 * the ticket are written for the models, Tasklist and messages, never read back.
 */
public final class ProcessVariables {

    // Written when a ticket is submitted (ticket.TicketIntake): only what the models read, the
    // routing input, the emergency gateway and what the request lacks; the request itself is the
    // ticket's record. Ticket, key, subject, team and emergency are also written on an sla-breach
    // process by its first step (sla.SlaClock).
    public static final ProcessVariable<Long> TICKET_ID = number("ticketId");
    public static final ProcessVariable<String> TICKET_KEY = text("ticketKey");
    public static final ProcessVariable<String> REQUEST_TYPE = text("requestType");
    /**
     * A task's own copies of the customer's name and the request type in words, for the entries of
     * Tasklist's queues, which show task variables to agents (identity.DeskIdentitySetup); display
     * only, never read back.
     */
    public static final ProcessVariable<String> CUSTOMER_NAME = text("customerName");

    public static final ProcessVariable<String> REQUEST_TYPE_LABEL = text("requestTypeLabel");
    public static final ProcessVariable<Boolean> EMERGENCY = flag("emergency");
    public static final ProcessVariable<String> SUBJECT = text("subject");
    public static final ProcessVariable<String> MISSING_INFORMATION = text("missingInformation");

    // Routing: the request-routing decision's result, and the team the tasks are offered to.
    public static final ProcessVariable<String> ROUTE = text("route");
    public static final ProcessVariable<String> TEAM = text("team");

    // What agents and customers answer in forms and on the portal.
    public static final ProcessVariable<String> CUSTOMER_QUESTIONS = text("customerQuestions");
    public static final ProcessVariable<String> CUSTOMER_ANSWER = text("customerAnswer");
    public static final ProcessVariable<String> DOWNGRADE_REASON = text("downgradeReason");
    public static final ProcessVariable<String> DOWNGRADED_BY = text("downgradedBy");
    public static final ProcessVariable<String> REROUTE_TEAM = text("rerouteTeam");
    public static final ProcessVariable<String> ENGINEERING_BUG_ID = text("engineeringBugId");
    public static final ProcessVariable<String> RELEASE_NOTE = text("releaseNote");
    // Read only to put the agent's words into the customer's message (notification.MessageModels).
    public static final ProcessVariable<String> ACKNOWLEDGEMENT_NOTE = text("acknowledgementNote");
    public static final ProcessVariable<String> STATUS_UPDATE = text("statusUpdate");
    public static final ProcessVariable<String> RESOLUTION_SUMMARY = text("resolutionSummary");

    // The SLA clocks (sla.SlaClock): due and warning times for the models' timers and task due dates.
    public static final ProcessVariable<OffsetDateTime> ACKNOWLEDGE_BY = time("acknowledgeBy");
    public static final ProcessVariable<OffsetDateTime> ACKNOWLEDGEMENT_WARNING_AT = time("acknowledgementWarningAt");
    public static final ProcessVariable<Boolean> ACKNOWLEDGEMENT_WARNS = flag("acknowledgementWarns");
    public static final ProcessVariable<OffsetDateTime> NEXT_RESPONSE_BY = time("nextResponseBy");
    public static final ProcessVariable<OffsetDateTime> NEXT_RESPONSE_WARNING_AT = time("nextResponseWarningAt");
    public static final ProcessVariable<Boolean> NEXT_RESPONSE_WARNS = flag("nextResponseWarns");
    public static final ProcessVariable<OffsetDateTime> STATUS_UPDATE_BY = time("statusUpdateBy");

    // The sla-breach process, started by sla.SlaClock.
    public static final ProcessVariable<String> BREACHED_TARGET = text("breachedTarget");
    public static final ProcessVariable<String> BREACHED_TARGET_LABEL = text("breachedTargetLabel");
    public static final ProcessVariable<OffsetDateTime> BREACHED_TARGET_DUE = time("breachedTargetDue");

    // Notifications: a send task's inputs, and the message an instance of the former deliver-notification
    // model sends (notification.DeliverNotification).
    public static final ProcessVariable<String> TEMPLATE = text("template");
    public static final ProcessVariable<String> TO = text("to");
    public static final ProcessVariable<Long> NOTIFICATION_ID = number("notificationId");

    private ProcessVariables() {}
}
