package com.clientservices.desk.words;

import com.clientservices.desk.sla.SlaTargetKind;
import com.clientservices.desk.ticket.Conversation;
import com.clientservices.desk.ticket.EmergencyCriterion;
import com.clientservices.desk.ticket.TicketStatus;
import java.util.EnumMap;
import java.util.Map;

/**
 * The words people see for the desk's codes (docs/specification.md §13), in one place: statuses,
 * emergency criteria, the details a request may lack, the kinds of message in a conversation and
 * of response-time target. Request types and teams have theirs in the routing table and the team
 * list.
 */
public final class Labels {

    private static final Map<TicketStatus, String> STATUSES = new EnumMap<>(Map.of(
            TicketStatus.NEW, "New",
            TicketStatus.ACKNOWLEDGED, "Acknowledged",
            TicketStatus.IN_PROGRESS, "In progress",
            TicketStatus.WAITING_ON_CUSTOMER, "Waiting on the customer",
            TicketStatus.WAITING_ON_ENGINEERING, "Waiting on engineering",
            TicketStatus.RESOLVED, "Resolved",
            TicketStatus.CLOSED, "Closed",
            TicketStatus.REDIRECTED, "Redirected to the account representative"));

    private static final Map<EmergencyCriterion, String> CRITERIA = new EnumMap<>(Map.of(
            EmergencyCriterion.PRODUCTION_FEATURE_BROKEN_NO_WORKAROUND, "Production feature broken, no workaround",
            EmergencyCriterion.SIGNIFICANT_FINANCIAL_LOSS, "Significant financial loss"));

    // What each criterion means, in the words of docs/specification.md §3, for the customer choosing it.
    private static final Map<EmergencyCriterion, String> CRITERIA_MEANING = new EnumMap<>(Map.of(
            EmergencyCriterion.PRODUCTION_FEATURE_BROKEN_NO_WORKAROUND,
                    "An essential feature you use in production is broken and there is no available workaround,"
                            + " for example widespread ad-serving failures or the UI or API not accessible.",
            EmergencyCriterion.SIGNIFICANT_FINANCIAL_LOSS,
                    "The problem causes, or will cause, significant financial losses for you or your clients,"
                            + " for example campaigns that stop delivering at scale."));

    private static final Map<String, String> DETAILS = Map.of(
            "objectIds", "Object ids",
            "environment", "Environment (ids such as bidder, member, creative, placement)",
            "stepsToReproduce", "Steps to reproduce",
            "browser", "Browser and version",
            "operatingSystem", "Operating system and version",
            "screenshot", "A screenshot");

    private static final Map<Conversation.Kind, String> MESSAGES = new EnumMap<>(Map.of(
            Conversation.Kind.ACKNOWLEDGEMENT, "Acknowledgement to the customer",
            Conversation.Kind.QUESTIONS, "Questions to the customer",
            Conversation.Kind.ANSWER, "Answer from the customer",
            Conversation.Kind.ADDED_INFORMATION, "Information added by the customer",
            Conversation.Kind.STATUS_UPDATE, "Status update to the customer",
            Conversation.Kind.RESOLUTION, "Resolution sent to the customer"));

    private static final Map<SlaTargetKind, String> TARGETS = new EnumMap<>(Map.of(
            SlaTargetKind.ACKNOWLEDGEMENT, "Acknowledgement",
            SlaTargetKind.NEXT_RESPONSE, "Next response",
            SlaTargetKind.STATUS_UPDATE, "Status update (emergency contact)"));

    private Labels() {}

    public static String status(TicketStatus status) {
        return STATUSES.getOrDefault(status, String.valueOf(status));
    }

    public static String criterion(String code) {
        try {
            return CRITERIA.get(EmergencyCriterion.valueOf(code));
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** What choosing the criterion says about the problem; empty for an unknown code. */
    public static String criterionMeaning(String code) {
        try {
            return CRITERIA_MEANING.get(EmergencyCriterion.valueOf(code));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** A detail of docs/specification.md §4 by its field name ({@code objectIds}, {@code screenshot}, …). */
    public static String detail(String field) {
        return DETAILS.getOrDefault(field, field);
    }

    public static String message(Conversation.Kind kind) {
        return MESSAGES.get(kind);
    }

    public static String target(SlaTargetKind kind) {
        return TARGETS.get(kind);
    }
}
