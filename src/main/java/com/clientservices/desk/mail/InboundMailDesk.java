package com.clientservices.desk.mail;

import com.clientservices.desk.DeskProperties;
import com.clientservices.desk.identity.DeskUser;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.mail.InboundMailLog.Outcome;
import com.clientservices.desk.notification.MailNotTaken;
import com.clientservices.desk.refusal.Conflict;
import com.clientservices.desk.refusal.NotAllowed;
import com.clientservices.desk.refusal.NotFound;
import com.clientservices.desk.refusal.Refusal;
import com.clientservices.desk.routing.RequestType;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import com.clientservices.desk.ticket.Attaching;
import com.clientservices.desk.ticket.NewTicket;
import com.clientservices.desk.ticket.TicketIntake;
import com.clientservices.desk.ticket.TicketQueries;
import com.clientservices.desk.ticket.TicketWork;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Decides what one message from the mailbox is and does it (docs/specification.md §12): a contact's reply to
 * their member's ticket, a contact's new request, or a refusal kept with its reason. The message is recorded in
 * the same transaction as the ticket or the reply, so it is taken exactly once; refusals are never answered.
 */
@Service
class InboundMailDesk {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMailDesk.class);
    static final String TRIAGE = "email-triage";
    private static final int JUSTIFICATION_MAX = 5_000;
    /** Intake requires an impact; a mail seldom states one, so the ticket says where it came from (§4, §12). */
    static final String IMPACT_NOT_STATED = "Not stated (sent by e-mail)";

    static final String METRIC = "desk.inbound.mail";

    private static final Pattern KEY = Pattern.compile("\\[(CS-\\d{1,18})]");
    private static final int SUBJECT_MAX = 200;
    private static final int TEXT_MAX = 20_000;
    private static final String FULL_TEXT = "message.txt";
    /**
     * The start of the text the triage reads: the engine keeps a decision's input in its history in a column of
     * 4,000 characters, and the keywords that say what a request is about stand near its beginning.
     */
    private static final int TRIAGE_TEXT_MAX = 3_500;

    private final InboundMailLog log;
    private final TicketIntake intake;
    private final TicketWork work;
    private final Attaching attaching;
    private final Members members;
    private final IdentityService identities;
    private final DecisionService decisions;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final RequestTypeCatalogue requestTypes;
    private final TicketQueries tickets;
    private final MailNotTaken notTaken;
    private final String deskAddress;

    InboundMailDesk(
            InboundMailLog log,
            TicketIntake intake,
            TicketWork work,
            Attaching attaching,
            Members members,
            IdentityService identities,
            DecisionService decisions,
            TransactionTemplate transaction,
            MeterRegistry meters,
            DeskProperties properties,
            RequestTypeCatalogue requestTypes,
            TicketQueries tickets,
            MailNotTaken notTaken) {
        this.notTaken = notTaken;
        this.requestTypes = requestTypes;
        this.tickets = tickets;
        this.log = log;
        this.intake = intake;
        this.work = work;
        this.attaching = attaching;
        this.members = members;
        this.identities = identities;
        this.decisions = decisions;
        this.transaction = transaction;
        this.meters = meters;
        this.deskAddress = address(properties.notifications().from());
    }

    /** What a registered contact is told of their refused mail: the ticket it named, if theirs, and why. */
    private record Answer(DeskUser contact, String ticketKey, String why) {}

    /** What became of a message: whether to file it as processed, as refused, or leave it to whoever took it. */
    enum Filing {
        PROCESSED,
        REFUSED,
        TAKEN_BEFORE
    }

    Filing take(ReceivedMail mail) {
        if (log.has(mail.key())) {
            return Filing.TAKEN_BEFORE;
        }
        var refusal = screen(mail);
        if (refusal != null) {
            return refuse(mail, refusal);
        }
        var contact = contact(mail.from());
        if (contact.refusal() != null) {
            return refuse(mail, contact.refusal());
        }
        var named = keyIn(mail.subject());
        // A key the sender's member has no ticket under (another member's, or none at all) does not make
        // the mail a reply: it is any other message of a registered contact, a new request (§12).
        var key = named != null && isSendersTicket(named, contact.user()) ? named : null;
        if (key == null && members.contactOf(contact.user().id()).size() > 1) {
            // Guessing would show the request to the wrong customer: such a contact writes through the portal.
            return refuse(
                    mail,
                    new Refused(
                            "SEVERAL_MEMBERS",
                            mail.from() + " is a contact of several members; the e-mail does not say which one"
                                    + " the request is for"),
                    new Answer(
                            contact.user(),
                            null,
                            "You are a contact of several of our customers, and an e-mail does not say which one a"
                                    + " new request is for: in the portal you choose it."));
        }
        try {
            return transaction.execute(status -> {
                var row = log.claim(mail, Outcome.TAKING, null);
                return key == null ? newRequest(row, mail, contact.user()) : reply(row, mail, key, contact.user());
            });
        } catch (DuplicateKeyException e) {
            return Filing.TAKEN_BEFORE;
        } catch (NotFound | NotAllowed e) {
            return refuse(mail, new Refused("NOT_THE_SENDERS_TICKET", e.getMessage()));
        } catch (Conflict e) {
            return refuse(
                    mail,
                    new Refused("REPLY_REFUSED", e.getMessage()),
                    new Answer(contact.user(), key, e.getMessage()));
        } catch (Refusal e) {
            var why = e.getMessage() + problems(e);
            return refuse(mail, new Refused("REQUEST_REFUSED", why), new Answer(contact.user(), key, why));
        }
    }

    private boolean isSendersTicket(String key, DeskUser contact) {
        try {
            tickets.readable(key, contact);
            return true;
        } catch (NotFound | NotAllowed e) {
            return false;
        }
    }

    // Refusals that need no look-up: too large, the desk's own mail, a machine's mail, no sender (§12).
    private Refused screen(ReceivedMail mail) {
        if (mail.size() > MailReading.SIZE_MAX) {
            return new Refused(
                    "TOO_LARGE", "The message has " + mail.size() + " bytes; the desk takes at most 10 MB by e-mail");
        }
        if (mail.fromDesk() || (mail.from() != null && mail.from().equals(deskAddress))) {
            return new Refused("OWN_MESSAGE", "The desk's own message came back");
        }
        if (mail.automatic() != null) {
            return new Refused("AUTOMATIC_REPLY", "Sent automatically (" + mail.automatic() + ")");
        }
        if (mail.problem() != null) {
            return new Refused(mail.problem().code(), mail.problem().reason());
        }
        if (mail.from() == null) {
            return new Refused("UNKNOWN_SENDER", "The message names no sender");
        }
        return null;
    }

    private Sender contact(String address) {
        // An address is matched whatever case its user's e-mail was typed in: mail programs and people
        // write the same address in different cases. The sender's address is already in lower case.
        var users = new ArrayList<User>(identities
                .createNativeUserQuery()
                .sql("select * from ACT_ID_USER where lower(EMAIL_) = #{address}")
                .parameter("address", address)
                .list());
        var contacts = users.stream()
                .filter(user -> !members.contactOf(user.getId()).isEmpty())
                .toList();
        if (contacts.isEmpty()) {
            return new Sender(
                    null, new Refused("UNKNOWN_SENDER", address + " is not the address of a registered contact"));
        }
        if (contacts.size() > 1) {
            return new Sender(
                    null, new Refused("AMBIGUOUS_SENDER", address + " is the address of several contacts' users"));
        }
        var id = contacts.get(0).getId();
        var groups = identities.createGroupQuery().groupMember(id).list().stream()
                .map(Group::getId)
                .collect(Collectors.toSet());
        return new Sender(new DeskUser(id, groups), null);
    }

    private Filing reply(long row, ReceivedMail mail, String key, DeskUser contact) {
        var words = QuotedText.ownWords(plain(mail.text()));
        var files = new ArrayList<>(mail.files());
        if (words.length() > TEXT_MAX) {
            files.add(new ReceivedMail.File(FULL_TEXT, words.getBytes(StandardCharsets.UTF_8)));
            words = words.substring(0, TEXT_MAX);
        }
        if (words.isBlank()) {
            words = files.isEmpty()
                    ? "(An e-mail without text)"
                    : "Sent by e-mail: "
                            + files.stream().map(ReceivedMail.File::name).collect(Collectors.joining(", "));
        }
        var added = work.replyByEmail(key, words, contact);
        var refusedFiles = attach(key, files, contact);
        var refused = refused(refusedFiles);
        var note = added
                ? refused
                : "The same text from this sender was already on the ticket; it was not added again"
                        + (files.size() > refusedFiles.size() ? ", its files were" : "")
                        + (refused == null ? "" : ". " + refused);
        log.settle(row, Outcome.REPLY, note, key);
        count(Outcome.REPLY, "none");
        return Filing.PROCESSED;
    }

    private Filing newRequest(long row, ReceivedMail mail, DeskUser contact) {
        var memberships = members.contactOf(contact.id());
        var subject = oneLine(mail.subject());
        var text = plain(mail.text()).strip();
        var files = new ArrayList<>(mail.files());
        if (text.length() > TEXT_MAX) {
            // SPEC §4 limits the description; the whole text stays with the ticket as a file.
            files.add(new ReceivedMail.File(FULL_TEXT, text.getBytes(StandardCharsets.UTF_8)));
            text = text.substring(0, TEXT_MAX);
        }
        if (text.isBlank()) {
            text = "(The e-mail had no text; see its subject and attachments.)";
        }
        var type = triage(subject, text);
        var request = new NewTicket(
                memberships.get(0).id(),
                type,
                subject,
                text,
                IMPACT_NOT_STATED,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                justification(type, text));
        TicketIntake.ByEmail submitted;
        try {
            submitted = intake.submitByEmail(
                    request,
                    contact,
                    files.stream()
                            .map(file -> (MultipartFile) new MailFile(file.name(), file.content()))
                            .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var ticket = submitted.ticket();
        var refused = refused(submitted.refused().stream()
                .map(file -> file.name() + ": " + file.why().getMessage() + problems(file.why()))
                .toList());
        log.settle(row, Outcome.TICKET_CREATED, refused, ticket.key());
        count(Outcome.TICKET_CREATED, "none");
        return Filing.PROCESSED;
    }

    /**
     * A mail has no field for the business justification some request types require (docs/specification.md §5):
     * the customer's own words are the best the desk has, so the text stands for it and the agent judges it.
     */
    private String justification(String type, String text) {
        var required =
                requestTypes.find(type).map(RequestType::justificationRequired).orElse(false);
        return required ? text.substring(0, Math.min(text.length(), JUSTIFICATION_MAX)) : null;
    }

    private String triage(String subject, String text) {
        var result = decisions
                .evaluateDecisionTableByKey(
                        TRIAGE,
                        Map.of(
                                "subject",
                                subject,
                                "text",
                                text.length() > TRIAGE_TEXT_MAX ? text.substring(0, TRIAGE_TEXT_MAX) : text))
                .getFirstResult();
        if (result == null || result.getEntry("requestType") == null) {
            throw new IllegalStateException("the decision " + TRIAGE + " gave no request type");
        }
        return result.getEntry("requestType");
    }

    // Each file under the attachment rules; a refused one is named in the mail's record and the rest still land.
    private List<String> attach(String key, List<ReceivedMail.File> files, DeskUser contact) {
        var refused = new ArrayList<String>();
        for (var file : files) {
            try {
                attaching.attachFromMail(key, new MailFile(file.name(), file.content()), contact);
            } catch (Refusal e) {
                refused.add(file.name() + ": " + e.getMessage() + problems(e));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return refused;
    }

    private static String refused(List<String> files) {
        return files.isEmpty() ? null : "Attachments refused: " + String.join("; ", files);
    }

    /**
     * A message that failed {@link MailboxPoller#ATTEMPTS_MAX} times for no reason the desk could name: refused
     * as {@code UNREADABLE} so it is filed and listed instead of holding up every pass (docs/specification.md §12).
     */
    Filing refuseUnreadable(ReceivedMail mail, String cause) {
        if (log.has(mail.key())) {
            return Filing.TAKEN_BEFORE;
        }
        return refuse(
                mail,
                new Refused(
                        "UNREADABLE", "The desk failed to take it " + MailboxPoller.ATTEMPTS_MAX + " times: " + cause));
    }

    private Filing refuse(ReceivedMail mail, Refused refused) {
        return refuse(mail, refused, null);
    }

    /**
     * Files the mail as refused; a registered contact whose words went nowhere is told why in the same transaction
     * ({@link MailNotTaken}), so the mail is answered once however often it is read.
     */
    private Filing refuse(ReceivedMail mail, Refused refused, Answer answer) {
        try {
            transaction.executeWithoutResult(status -> {
                log.claim(mail, Outcome.REFUSED, refused.code() + ": " + refused.reason());
                if (answer != null) {
                    notTaken.tell(
                            answer.contact().id(),
                            mail.from(),
                            answer.ticketKey(),
                            oneLine(mail.subject()),
                            answer.why());
                }
            });
        } catch (DuplicateKeyException e) {
            return Filing.TAKEN_BEFORE;
        }
        LOG.info("Refused inbound mail from {}: {}", mail.from(), refused.code());
        count(Outcome.REFUSED, refused.code());
        return Filing.REFUSED;
    }

    private void count(Outcome outcome, String reason) {
        Counter.builder(METRIC)
                .description("Messages read from the desk's mailbox, by what became of them")
                .tag("outcome", outcome.name())
                .tag("reason", reason)
                .register(meters)
                .increment();
    }

    static String keyIn(String subject) {
        if (subject == null) {
            return null;
        }
        var matcher = KEY.matcher(subject.toUpperCase(Locale.ROOT));
        return matcher.find() ? matcher.group(1) : null;
    }

    // Stored without control or text-direction characters (docs/specification.md §8), on one line, cut to fit.
    private static String oneLine(String subject) {
        var line = subject == null
                ? ""
                : subject.replaceAll("[\\p{Cc}\\p{Cf}]+", " ").strip();
        if (line.isEmpty()) {
            line = "(no subject)";
        }
        return line.length() > SUBJECT_MAX ? line.substring(0, SUBJECT_MAX) : line;
    }

    private static String plain(String text) {
        return text == null ? "" : text.replace("\u0000", "").replace("\r\n", "\n");
    }

    private static String problems(Refusal refusal) {
        return refusal.problems().isEmpty()
                ? ""
                : " ("
                        + refusal.problems().stream()
                                .map(problem -> problem.field() + " " + problem.message())
                                .collect(Collectors.joining(", "))
                        + ")";
    }

    private static String address(String from) {
        if (from == null || from.isBlank()) {
            return null;
        }
        try {
            return new InternetAddress(from, false).getAddress().toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            return null;
        }
    }

    private record Refused(String code, String reason) {}

    private record Sender(DeskUser user, Refused refusal) {}
}
