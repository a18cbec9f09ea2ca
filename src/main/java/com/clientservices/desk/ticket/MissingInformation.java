package com.clientservices.desk.ticket;

import com.clientservices.desk.routing.RequestType;
import java.util.ArrayList;
import java.util.List;

/**
 * The details docs/specification.md §4 expects but does not require: a request without them is accepted, and the
 * acknowledgement asks for them. Which types are UI related is a column of the routing table.
 */
final class MissingInformation {

    private MissingInformation() {}

    static List<String> of(Ticket ticket, RequestType type, boolean hasScreenshot) {
        var missing = new ArrayList<String>();
        if (ticket.objectIds() == null || ticket.objectIds().isEmpty()) {
            missing.add("objectIds");
        }
        if (ticket.environment() == null || ticket.environment().isEmpty()) {
            missing.add("environment");
        }
        if (TicketValidation.blank(ticket.stepsToReproduce())) {
            missing.add("stepsToReproduce");
        }
        if (type != null && type.uiRelated()) {
            if (TicketValidation.blank(ticket.browser())) {
                missing.add("browser");
            }
            if (TicketValidation.blank(ticket.operatingSystem())) {
                missing.add("operatingSystem");
            }
            if (!hasScreenshot) {
                missing.add("screenshot");
            }
        }
        return List.copyOf(missing);
    }
}
