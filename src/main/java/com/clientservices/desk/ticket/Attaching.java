package com.clientservices.desk.ticket;

import com.clientservices.desk.history.TicketEvents;
import com.clientservices.desk.identity.DeskUser;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.refusal.Conflict;
import com.clientservices.desk.refusal.FieldProblem;
import com.clientservices.desk.refusal.Invalid;
import com.clientservices.desk.refusal.NotFound;
import com.clientservices.desk.refusal.Refusal;
import com.clientservices.desk.refusal.TooLarge;
import com.clientservices.desk.refusal.UnsupportedContent;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** A customer's contact attaches a file to their ticket: checked, stored and logged. */
@Service
public class Attaching {

    private static final int NAME_MAX = 200;
    /** Per ticket (docs/specification.md §8): enough for a case's screenshots and logs, not a file store. */
    static final int FILES_MAX = 20;

    static final long BYTES_MAX = 50L * 1024 * 1024;
    /** The new-request form's file field. */
    static final String FILES = "files";

    private static final String TYPES = "a PNG, JPEG, GIF or WebP screenshot, a PDF or plain text";
    // A plain file name: no folders, no control characters.
    private static final Pattern SAFE_NAME = Pattern.compile("[^/\\\\\\x00-\\x1F\\x7F]+");

    private final TicketRepository tickets;
    private final Attachments attachments;
    private final Members members;
    private final TicketEvents events;

    Attaching(TicketRepository tickets, Attachments attachments, Members members, TicketEvents events) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.members = members;
        this.events = events;
    }

    @Transactional
    public Attachments.Attachment attach(String key, MultipartFile file, DeskUser contact) throws IOException {
        // Locked, so that uploads at the same moment are counted against the quota one after the other.
        var ticket = tickets.lockByKey(key).orElseThrow(() -> new NotFound("No ticket " + key));
        if (!members.isContact(ticket.memberId(), contact.id())) {
            throw TicketAccess.refusal(
                    contact,
                    key,
                    "Only a registered contact of member " + ticket.memberId() + " may attach files to " + key);
        }
        if (file == null || file.isEmpty()) {
            throw new Invalid("file", "is required: a non-empty file in the multipart field 'file'");
        }
        var name = plainName(file);
        if (name == null) {
            throw new Invalid(
                    "file",
                    "has a file name that is not a plain name of at most " + NAME_MAX
                            + " characters (no folders, no '..', no control or text-direction characters)");
        }
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new Conflict(key + " is closed and takes no more files; please open a new ticket");
        }
        var usage = attachments.usage(ticket.id());
        if (usage.files() >= FILES_MAX || usage.bytes() + file.getSize() > BYTES_MAX) {
            throw new TooLarge(
                    key + " holds " + usage.files() + " files of "
                            + (usage.bytes() / (1024 * 1024)) + " MB; a ticket takes at most " + FILES_MAX
                            + " files and "
                            + (BYTES_MAX / (1024 * 1024)) + " MB in all. Send the rest as links in a reply.",
                    new FieldProblem("file", "is over the ticket's attachment quota"));
        }
        var content = file.getBytes();
        var type = FileTypes.detect(content)
                .orElseThrow(() -> new UnsupportedContent(
                        "Unsupported file type: attach a PNG, JPEG, GIF or WebP screenshot, a PDF or plain text",
                        new FieldProblem("file", "is not a PNG, JPEG, GIF, WebP, PDF or plain-text file")));
        var id = attachments.add(ticket.id(), name, type, content, sha256(content), contact.id());
        events.record(
                ticket.id(),
                TicketEvents.Type.ATTACHMENT_ADDED,
                contact.id(),
                name + " (" + type + ", " + content.length + " bytes)");
        var stored = attachments.of(ticket.id()).stream()
                .filter(a -> a.id() == id)
                .findFirst()
                .orElseThrow();
        return stored;
    }

    /**
     * A file that came with a contact's e-mail (docs/specification.md §12), under the same rules as an upload; a
     * refused file is the caller's to record, and leaves the caller's transaction (the mail's reply or request)
     * to commit, since nothing is written before the checks pass.
     */
    @Transactional(noRollbackFor = Refusal.class)
    public Attachments.Attachment attachFromMail(String key, MultipartFile file, DeskUser contact) throws IOException {
        return attach(key, file, contact);
    }

    /**
     * Checks the files sent with a new request before its ticket exists, each by name and content and all against a
     * ticket's quota (docs/specification.md §8): a refused file refuses the request, named, and no ticket is left
     * without the files its contact meant to send. A file field left empty sends nothing.
     */
    List<Upload> checkBeforeSubmission(List<MultipartFile> files) throws IOException {
        var chosen = files == null
                ? List.<MultipartFile>of()
                : files.stream()
                        .filter(file -> file != null
                                && !(file.isEmpty()
                                        && (file.getOriginalFilename() == null
                                                || file.getOriginalFilename().isBlank())))
                        .toList();
        var bytes = chosen.stream().mapToLong(MultipartFile::getSize).sum();
        if (chosen.size() > FILES_MAX || bytes > BYTES_MAX) {
            throw new TooLarge(
                    "A ticket takes at most " + FILES_MAX + " files and " + (BYTES_MAX / (1024 * 1024)) + " MB in all",
                    new FieldProblem(
                            FILES,
                            chosen.size() + " files of " + (bytes / (1024 * 1024))
                                    + " MB are more than a ticket takes: at most " + FILES_MAX + " files and "
                                    + (BYTES_MAX / (1024 * 1024)) + " MB in all"));
        }
        var uploads = new ArrayList<Upload>();
        for (var file : chosen) {
            var name = plainName(file);
            if (name == null) {
                throw new Invalid(
                        FILES,
                        "One file's name is not a plain name of at most " + NAME_MAX
                                + " characters (no folders, no '..', no control or text-direction characters)");
            }
            if (file.isEmpty()) {
                throw new Invalid(FILES, name + " is empty");
            }
            var content = file.getBytes();
            var type = FileTypes.detect(content)
                    .orElseThrow(() -> new UnsupportedContent(
                            "Unsupported file type: " + name + " is not " + TYPES,
                            new FieldProblem(
                                    FILES, name + " is not " + TYPES + ": choose another file or leave it out")));
            uploads.add(new Upload(name, type, content));
        }
        return List.copyOf(uploads);
    }

    /**
     * The files of a contact's e-mail (docs/specification.md §12), each under the rules of an upload and, in the
     * order they came, within a ticket's quota: those that pass, and each refused one by name with why. Unlike the
     * portal's form, a refused file refuses neither the request nor the other files: the mail cannot be sent again
     * corrected.
     */
    Checked checkEach(List<MultipartFile> files) throws IOException {
        var passed = new ArrayList<Upload>();
        var refused = new ArrayList<FileRefusal>();
        long bytes = 0;
        for (var file : files) {
            var name = file.getOriginalFilename();
            if (passed.size() >= FILES_MAX || bytes + file.getSize() > BYTES_MAX) {
                refused.add(new FileRefusal(
                        name,
                        new TooLarge(
                                "a ticket takes at most " + FILES_MAX + " files and " + (BYTES_MAX / (1024 * 1024))
                                        + " MB in all. Send the rest as links in a reply.",
                                new FieldProblem("file", "is over the ticket's attachment quota"))));
                continue;
            }
            try {
                for (var upload : checkBeforeSubmission(List.of(file))) {
                    passed.add(upload);
                    bytes += upload.content().length;
                }
            } catch (Refusal refusal) {
                refused.add(new FileRefusal(name, refusal));
            }
        }
        return new Checked(List.copyOf(passed), List.copyOf(refused));
    }

    /** What {@link #checkEach} found: the files to store and the ones refused. */
    record Checked(List<Upload> passed, List<FileRefusal> refused) {}

    /** A file of an e-mail the desk did not take, by the name it came with, and why. */
    public record FileRefusal(String name, Refusal why) {}

    /** Stores the files {@link #checkBeforeSubmission} passed on the ticket just recorded, in its transaction. */
    void store(long ticketId, List<Upload> uploads, DeskUser contact) {
        for (var upload : uploads) {
            attachments.add(
                    ticketId, upload.name(), upload.type(), upload.content(), sha256(upload.content()), contact.id());
            events.record(
                    ticketId,
                    TicketEvents.Type.ATTACHMENT_ADDED,
                    contact.id(),
                    upload.name() + " (" + upload.type() + ", " + upload.content().length + " bytes)");
        }
    }

    // The file's name when it is a plain one: no folders, no control or text-direction characters; else null.
    private static String plainName(MultipartFile file) {
        var name = file.getOriginalFilename() == null
                ? ""
                : file.getOriginalFilename().strip();
        if (name.isEmpty()
                || name.length() > NAME_MAX
                || !SAFE_NAME.matcher(name).matches()
                || name.contains("..")
                || name.startsWith(".")
                || !FileTypes.showsAsNamed(name)) {
            return null;
        }
        return name;
    }

    /** A file checked by name and content, not yet stored. */
    record Upload(String name, String type, byte[] content) {

        boolean isImage() {
            return type.startsWith("image/");
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
