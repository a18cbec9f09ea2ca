package com.clientservices.desk.ticket;

import com.clientservices.desk.identity.CurrentUser;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Tickets")
class AttachmentController {

    private static final int NAME_MAX = 200;
    // A plain file name: no folders, no leading dot, no control characters.
    private static final Pattern SAFE_NAME = Pattern.compile("[^/\\\\\\x00-\\x1F\\x7F]+");

    private final TicketRepository tickets;
    private final Attachments attachments;
    private final Members members;
    private final TicketAccess access;
    private final TicketEvents events;

    AttachmentController(TicketRepository tickets, Attachments attachments, Members members, TicketAccess access,
            TicketEvents events) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.members = members;
        this.access = access;
        this.events = events;
    }

    @PostMapping(path = "/api/tickets/{key}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a screenshot or file (PNG, JPEG, GIF, WebP, PDF or plain text; at most 5 MB)",
            description = "The type is checked from the content, not the name; 415 for other types, 413 when too large.")
    @Transactional
    ResponseEntity<Attachments.Attachment> upload(@PathVariable String key, @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        var ticket = tickets.findByKey(key).orElseThrow(() -> ApiException.notFound("No ticket " + key));
        var contact = CurrentUser.get();
        if (!members.isContact(ticket.memberId(), contact.id())) {
            throw ApiException.forbidden("Only a registered contact of member " + ticket.memberId() + " may attach files to " + key);
        }
        if (file == null || file.isEmpty()) {
            throw ApiException.invalid("file", "is required: a non-empty file in the multipart field 'file'");
        }
        var name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().strip();
        if (name.isEmpty() || name.length() > NAME_MAX || !SAFE_NAME.matcher(name).matches() || name.contains("..")
                || name.startsWith(".")) {
            throw ApiException.invalid("file", "has a file name that is not a plain name of at most " + NAME_MAX
                    + " characters (no folders, no '..')");
        }
        if (ticket.status() == TicketStatus.CLOSED) {
            throw ApiException.conflict(key + " is closed and takes no more files; please open a new ticket");
        }
        var content = file.getBytes();
        var type = FileTypes.detect(content).orElseThrow(() -> new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported file type: attach a PNG, JPEG, GIF or WebP screenshot, a PDF or plain text",
                List.of(new com.clientservices.desk.web.FieldProblem("file", "is not a PNG, JPEG, GIF, WebP, PDF or plain-text file"))));
        var id = attachments.add(ticket.id(), name, type, content, sha256(content), contact.id());
        events.record(ticket.id(), TicketEvents.Type.ATTACHMENT_ADDED, contact.id(), name + " (" + type + ", " + content.length + " bytes)");
        var stored = attachments.of(ticket.id()).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/tickets/" + key + "/attachments/" + id)).body(stored);
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
                .orElseThrow(() -> ApiException.notFound("No attachment " + id + " on " + key));
        var content = attachments.content(ticket.id(), id).orElseThrow();
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(attachment.contentType()));
        headers.setContentDisposition(ContentDisposition.attachment().filename(attachment.fileName(),
                java.nio.charset.StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        return ResponseEntity.ok().headers(headers).body(content);
    }

    private Ticket readable(String key) {
        var ticket = tickets.findByKey(key).orElseThrow(() -> ApiException.notFound("No ticket " + key));
        if (!access.mayRead(CurrentUser.get(), ticket)) {
            throw ApiException.forbidden("You may not read ticket " + key);
        }
        return ticket;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
