package com.clientservices.desk.ticket;

import com.clientservices.desk.identity.CurrentUser;
import com.clientservices.desk.refusal.Invalid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tickets")
class TicketWorkController {

    private final TicketWork work;

    TicketWorkController(TicketWork work) {
        this.work = work;
    }

    @PostMapping(path = "/api/tickets/{key}/replies", consumes = "application/json")
    @Operation(
            summary = "The customer's answer to the team's questions",
            description =
                    "Resumes diagnosis and starts the next-response target; 409 when the ticket is not waiting on the customer.")
    Map<String, Object> reply(@PathVariable String key, @RequestBody(required = false) Reply reply) {
        if (reply == null) {
            throw new Invalid("message", "is required");
        }
        var ticket = work.reply(key, reply.message(), CurrentUser.get());
        return Map.of("key", ticket.key(), "status", ticket.status());
    }

    @PostMapping(path = "/api/tickets/{key}/engineering-fix", consumes = "application/json")
    @Operation(
            summary = "Engineering released the fix for a bug",
            description = "Releases every ticket waiting on that bug id; 409 when this ticket does not wait on it.")
    Map<String, Object> engineeringFix(@PathVariable String key, @RequestBody(required = false) Fix fix) {
        if (fix == null) {
            throw new Invalid("bugId", "is required");
        }
        List<String> released = work.engineeringFix(key, fix.bugId(), fix.releaseNote(), CurrentUser.get());
        return Map.of("bugId", fix.bugId(), "released", released);
    }

    record Reply(String message) {}

    record Fix(String bugId, String releaseNote) {}
}
