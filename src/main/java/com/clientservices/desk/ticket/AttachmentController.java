package com.clientservices.desk.ticket;

import com.clientservices.desk.identity.CurrentUser;
import com.clientservices.desk.identity.TasklistUser;
import com.clientservices.desk.refusal.NotAllowed;
import com.clientservices.desk.refusal.NotFound;
import com.clientservices.desk.web.PageRefusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Tickets")
class AttachmentController {

    private final TicketQueries queries;
    private final Attachments attachments;
    private final Attaching attaching;
    private final TasklistUser tasklistUser;

    AttachmentController(
            TicketQueries queries, Attachments attachments, Attaching attaching, TasklistUser tasklistUser) {
        this.queries = queries;
        this.attachments = attachments;
        this.attaching = attaching;
        this.tasklistUser = tasklistUser;
    }

    @PostMapping(path = "/api/tickets/{key}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Attach a screenshot or file (PNG, JPEG, GIF, WebP, PDF or plain text; at most 5 MB)",
            description =
                    "The type is checked from the content, not the name; 415 for other types, 413 when too large.")
    ResponseEntity<Attachments.Attachment> upload(
            @PathVariable String key, @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        var stored = attaching.attach(key, file, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/tickets/" + key + "/attachments/" + stored.id()))
                .body(stored);
    }

    @GetMapping("/api/tickets/{key}/attachments")
    @Operation(summary = "The files attached to a ticket")
    List<Attachments.Attachment> list(@PathVariable String key) {
        return attachments.of(readable(key).id());
    }

    @GetMapping("/api/tickets/{key}/attachments/{id}")
    @Operation(summary = "Download an attached file")
    ResponseEntity<byte[]> download(@PathVariable String key, @PathVariable long id) {
        return file(readable(key), id);
    }

    /**
     * The same file for a member of staff signed in to Tasklist, whose task forms link here
     * (docs/specification.md §13): the webapps' session stands in for the API's credentials, and the
     * same rule decides (an agent reads the tickets of their own team).
     */
    @GetMapping("/tasklist/tickets/{key}/attachments/{id}")
    @Operation(summary = "Download an attached file, signed in to Tasklist")
    ResponseEntity<byte[]> downloadInTasklist(
            @PathVariable String key, @PathVariable long id, HttpServletRequest request) {
        var user = tasklistUser
                .of(request)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.UNAUTHORIZED, "Sign in to Tasklist to open files attached to a ticket"));
        return file(queries.readable(key, user), id);
    }

    /**
     * The same file for a customer's contact signed in to the portal, whose ticket page links here
     * (docs/specification.md §13): the API's address takes HTTP Basic only, so the portal's session
     * cannot use it; the same read rule decides, and a refusal is the portal's error page.
     */
    @GetMapping("/portal/tickets/{key}/attachments/{id}")
    @Operation(summary = "Download an attached file, signed in to the portal")
    ResponseEntity<byte[]> downloadInPortal(@PathVariable String key, @PathVariable long id) {
        try {
            return file(readable(key), id);
        } catch (NotAllowed | NotFound e) {
            throw PageRefusals.toPage(e);
        }
    }

    private ResponseEntity<byte[]> file(Ticket ticket, long id) {
        var key = ticket.key();
        var attachment = attachments.of(ticket.id()).stream()
                .filter(a -> a.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFound("No attachment " + id + " on " + key));
        var content = attachments.content(ticket.id(), id).orElseThrow();
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(attachment.contentType()));
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(attachment.fileName(), StandardCharsets.UTF_8)
                .build());
        headers.set("X-Content-Type-Options", "nosniff");
        return ResponseEntity.ok().headers(headers).body(content);
    }

    private Ticket readable(String key) {
        return queries.readable(key, CurrentUser.get());
    }
}
