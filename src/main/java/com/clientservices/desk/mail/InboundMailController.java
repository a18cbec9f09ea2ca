package com.clientservices.desk.mail;

import com.clientservices.desk.identity.CurrentUser;
import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.refusal.NotAllowed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "E-mail channel")
class InboundMailController {

    private static final int LATEST = 200;

    private final InboundMailLog log;

    InboundMailController(InboundMailLog log) {
        this.log = log;
    }

    @GetMapping("/api/inbound-mail")
    @Operation(
            summary = "The latest 200 messages read from the desk's mailbox, newest first, with what became of each "
                    + "(TICKET_CREATED, REPLY, REFUSED) and why (administrators)")
    List<InboundMailLog.Entry> inboundMail() {
        if (!CurrentUser.get().in(DeskGroups.ADMINS)) {
            throw new NotAllowed("Only administrators read the desk's inbound mail");
        }
        return log.latest(LATEST);
    }
}
