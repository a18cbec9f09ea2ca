package com.clientservices.desk.ticket;

import com.clientservices.desk.identity.CurrentUser;
import com.clientservices.desk.refusal.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Tickets")
class AttachmentController {

    private final TicketQueries queries;
    private final Attachments attachments;
    private final Attaching attaching;

    AttachmentController(TicketQueries queries, Attachments attachments, Attaching attaching) {
        this.queries = queries;
        this.attachments = attachments;
        this.attaching = attaching;
    }

    @PostMapping(path = "/api/tickets/{key}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a screenshot or file (PNG, JPEG, GIF, WebP, PDF or plain text; at most 5 MB)",
            description = "The type is checked from the content, not the name; 415 for other types, 413 when too large.")
    ResponseEntity<Attachments.Attachment> upload(@PathVariable String key, @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        var stored = attaching.attach(key, file, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/tickets/" + key + "/attachments/" + stored.id())).body(stored);
    }

    @GetMapping("/api/tickets/{key}/attachments")
    @Operation(summary = "The files attached to a ticket")
    List<Attachments.Attachment> list(@PathVariable String key) {
        return attachments.of(readable(key).id());
    }

    @GetMapping("/api/tickets/{key}/attachments/{id}")
    @Operation(summary = "Download an attached file")
    ResponseEntity<byte[]> download(@PathVariable String key, @PathVariable long id) {
        var ticket = readable(key);
        var attachment = attachments.of(ticket.id()).stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> new NotFound("No attachment " + id + " on " + key));
        var content = attachments.content(ticket.id(), id).orElseThrow();
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(attachment.contentType()));
        headers.setContentDisposition(ContentDisposition.attachment().filename(attachment.fileName(),
                java.nio.charset.StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        return ResponseEntity.ok().headers(headers).body(content);
    }

    private Ticket readable(String key) {
        return queries.readable(key, CurrentUser.get());
    }

}
