package com.clientservices.desk.notification;

import com.clientservices.desk.identity.CurrentUser;
import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.refusal.Invalid;
import com.clientservices.desk.refusal.NotAllowed;
import com.clientservices.desk.ticket.TicketKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications")
class OutboxController {

    private static final int LATEST = 100;

    private final Notifications notifications;

    OutboxController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/outbox")
    @Operation(
            summary =
                    "Messages the desk queued and sent (admins and auditors), each with its plain text (body) and "
                            + "HTML part (bodyHtml): those of one ticket in order, or without ?ticket the latest 100, newest first")
    List<Notifications.Sent> outbox(@RequestParam(required = false) String ticket) {
        var user = CurrentUser.get();
        if (!user.in(DeskGroups.ADMINS) && !user.in(DeskGroups.AUDITORS)) {
            throw new NotAllowed("Only administrators and auditors read the outbox");
        }
        if (ticket == null) {
            return notifications.latest(LATEST);
        }
        var id = TicketKey.parse(ticket).orElseThrow(() -> new Invalid("ticket", "is not a ticket key: " + ticket));
        return notifications.ofTicket(id);
    }
}
