package com.clientservices.desk.notification;

import com.clientservices.desk.identity.CurrentUser;
import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.ticket.TicketKey;
import com.clientservices.desk.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications")
class OutboxController {

    private final Notifications notifications;

    OutboxController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/outbox")
    @Operation(summary = "Messages the desk sent for a ticket, newest last (admins and auditors)")
    List<Notifications.Sent> outbox(@RequestParam String ticket) {
        var user = CurrentUser.get();
        if (!user.in(DeskGroups.ADMINS) && !user.in(DeskGroups.AUDITORS)) {
            throw ApiException.forbidden("Only administrators and auditors read the outbox");
        }
        var id = TicketKey.parse(ticket).orElseThrow(() -> ApiException.invalid("ticket", "is not a ticket key: " + ticket));
        return notifications.ofTicket(id);
    }
}
