package com.clientservices.desk.notification;

import java.util.List;
import java.util.Map;

/**
 * Everything a message template sees, in words (docs/specification.md §7, §13): no code, no ISO
 * time, nothing absent printed as {@code null}. A template reads {@code ticket} (the whole ticket,
 * {@link TicketInWords}), {@code recipient} (who the message greets), {@code toCustomer},
 * {@code links} and, by name, each value of {@code values}: what people wrote for this step and the
 * send task's own inputs.
 *
 * @param recipient  the full name(s) of whoever receives the message, or the team's name
 * @param toCustomer whether the message goes to the ticket's customer alone: only they can follow
 *                   the portal's link, so a kind sent to the customer and to staff by different send
 *                   tasks chooses its footer by it
 * @param values    kind-specific values, each a template variable of its own name: the agent's or
 *                  customer's words ({@code acknowledgementNote}, {@code customerQuestions},
 *                  {@code customerAnswer}, {@code statusUpdate}, {@code resolutionSummary},
 *                  {@code engineeringBugId}, {@code releaseNote}, {@code downgradeReason}) and
 *                  every input of the send task other than {@code template} and {@code to}
 *                  ({@code slaTarget}, {@code slaDue}, …), times among them already in words
 */
record MessageModel(
        TicketInWords ticket, String recipient, boolean toCustomer, Links links, Map<String, Object> values) {

    /**
     * The ticket as people read it. Optional text is {@code null} when not given, so a template
     * can leave it out ({@code th:if="${ticket.browser != null}"}); lists are empty, never null.
     *
     * @param key                       {@code CS-12}
     * @param tag                       {@code [CS-12]}, the key as every subject carries it (docs/specification.md §12)
     * @param requestType               the request type's label from the routing table
     * @param emergencyCriteria         each criterion in words
     * @param environment               each entry as {@code name: value}
     * @param member                    the customer's member name and id, {@code Acme Media (member 1001)}
     * @param submittedBy               the contact's full name
     * @param submittedByAddress        the contact's e-mail address, for readers who answer them directly
     * @param submittedAt               {@code Tue 1 Dec 2026, 10:30 EST}
     * @param team                      the team's name; {@code null} for a request redirected to the account representative
     * @param status                    the status in words
     * @param acknowledgeBy             the acknowledgement's due time with the time left, {@code null} if none runs
     * @param missing                   the details the request lacks, in words
     * @param accountRepresentative     the account representative's full name
     * @param downgradedBy              who downgraded the emergency, with {@code downgradedAt} and {@code downgradeReason}
     * @param waitingOnEngineeringSince when the ticket last started waiting on engineering, if it did
     * @param link                      the ticket in the customer's portal
     */
    record TicketInWords(
            String key,
            String tag,
            String subject,
            String description,
            String impact,
            String businessJustification,
            String requestType,
            boolean emergency,
            String emergencyPhone,
            List<String> emergencyCriteria,
            String stepsToReproduce,
            List<String> objectIds,
            List<String> environment,
            String browser,
            String operatingSystem,
            String memberName,
            long memberId,
            String member,
            String submittedBy,
            String submittedByAddress,
            String submittedAt,
            String team,
            String status,
            String acknowledgeBy,
            List<String> missing,
            String accountRepresentative,
            String downgradedBy,
            String downgradedAt,
            String downgradeReason,
            String waitingOnEngineeringSince,
            String link) {}

    /**
     * The desk's own addresses, from {@code desk.notifications.portal-url}.
     *
     * @param ticket   the ticket in the portal, {@code <portal-url>/portal/tickets/CS-12}
     * @param portal   the portal's start page
     * @param tasklist Camunda Tasklist, for messages to staff
     * @param timeline the ticket's audit page, for managers and auditors
     * @param inTasklist Tasklist searching the ticket's tasks: staff cannot open the portal's page
     * @param api      the ticket in the desk's API, which engineering reads while it waits on them
     */
    record Links(String ticket, String portal, String tasklist, String timeline, String inTasklist, String api) {}
}
