package com.clientservices.desk.mail;

import com.clientservices.desk.DeskProperties;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * One pass over the desk's mailbox (docs/specification.md §12): every unseen message is read without marking it,
 * taken (recorded with its ticket or reply, or refused), and only after that commit filed: copied to
 * {@code desk-processed} or {@code desk-refused} (created when missing) and marked \Seen. Nothing is ever deleted.
 * A crash between the commit and the filing re-reads the message, and its recorded Message-ID skips it; a
 * message that could not be taken (the database down) stays unseen for the next pass.
 */
@Component
class MailboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);
    static final String PROCESSED = "desk-processed";
    static final String REFUSED = "desk-refused";
    private static final String TIMEOUT_MILLIS = "30000";

    /**
     * How often the desk tries a message that fails for a reason it cannot name before refusing it as
     * {@code UNREADABLE} (docs/specification.md §12): three passes ride out a passing fault, and a poison message
     * then no longer holds up every pass. The attempts are kept on the message in the mailbox as keywords, so every
     * node and a restart see them; a fault of the database or the connection is never counted.
     */
    static final int ATTEMPTS_MAX = 3;

    private static final String ATTEMPT = "desk-attempt-";

    private final DeskProperties.InboundMail settings;
    private final InboundMailDesk desk;

    @Autowired
    MailboxPoller(DeskProperties properties, InboundMailDesk desk) {
        this(properties.inboundMail(), desk);
    }

    /** A poller of another mailbox, for a test's own mail server. */
    MailboxPoller(DeskProperties.InboundMail settings, InboundMailDesk desk) {
        this.settings = settings;
        this.desk = desk;
    }

    /** Reads the mailbox once; the number of messages this pass took (filed as processed or refused). */
    int poll() throws MessagingException {
        var protocol = settings.protocol().name().toLowerCase(Locale.ROOT);
        var properties = new Properties();
        properties.put("mail.store.protocol", protocol);
        // Reading must not mark a message \Seen before the desk has committed what it made of it.
        properties.put("mail." + protocol + ".peek", "true");
        properties.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        var session = Session.getInstance(properties);
        var taken = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(
                    settings.host(),
                    settings.port() == null ? -1 : settings.port(),
                    settings.username(),
                    settings.password());
            var folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                var unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                prefetch(folder, unseen);
                var targets = new HashMap<String, Folder>();
                for (var message : unseen) {
                    if (takeOne(store, folder, message, targets)) {
                        taken++;
                    }
                }
            } finally {
                folder.close(false);
            }
        }
        return taken;
    }

    /**
     * The size and flags of every unseen message in one round trip, instead of two per message: each is read in
     * full afterwards (MailReading.read), so a batch costs a few round trips per message. A server that fails the
     * batch (one message it cannot describe) only makes the pass slower: each message is then asked on its own.
     */
    private static void prefetch(Folder folder, Message[] messages) {
        var profile = new FetchProfile();
        profile.add(FetchProfile.Item.SIZE);
        profile.add(FetchProfile.Item.FLAGS);
        try {
            folder.fetch(messages, profile);
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Could not fetch the sizes of {} messages at once: {}", messages.length, e.toString());
        }
    }

    private boolean takeOne(Store store, Folder folder, Message message, Map<String, Folder> targets)
            throws MessagingException {
        InboundMailDesk.Filing filing;
        try {
            filing = desk.take(MailReading.read(message));
        } catch (IOException | MessagingException | RuntimeException e) {
            // Left unseen: the next pass tries again, and the recorded Message-ID keeps it from being taken twice.
            LOG.warn("Could not take message {} from the desk's mailbox: {}", message.getMessageNumber(), e.toString());
            if (passing(e)) {
                return false;
            }
            var attempts = attempts(message) + 1;
            if (attempts < ATTEMPTS_MAX) {
                message.setFlags(new Flags(ATTEMPT + attempts), true);
                return false;
            }
            try {
                filing = desk.refuseUnreadable(MailReading.unreadable(message), e.toString());
            } catch (RuntimeException again) {
                return false;
            }
        }
        if (filing != InboundMailDesk.Filing.TAKEN_BEFORE) {
            var name = filing == InboundMailDesk.Filing.REFUSED ? REFUSED : PROCESSED;
            var target = targets.get(name);
            if (target == null) {
                target = target(store, name);
                targets.put(name, target);
            }
            folder.copyMessages(new Message[] {message}, target);
        }
        message.setFlag(Flags.Flag.SEEN, true);
        return filing != InboundMailDesk.Filing.TAKEN_BEFORE;
    }

    // A fault of the database or of the connection to the mailbox passes; the message is not to blame.
    private static boolean passing(Exception e) {
        return e instanceof DataAccessException
                || e instanceof TransactionException
                || e instanceof FolderClosedException
                || e instanceof StoreClosedException;
    }

    private static int attempts(Message message) throws MessagingException {
        var attempts = 0;
        for (var flag : message.getFlags().getUserFlags()) {
            if (flag.startsWith(ATTEMPT)) {
                attempts++;
            }
        }
        return attempts;
    }

    private static Folder target(Store store, String name) throws MessagingException {
        var target = store.getFolder(name);
        if (!target.exists()) {
            try {
                target.create(Folder.HOLDS_MESSAGES);
            } catch (MessagingException e) {
                // Another node created it at the same moment.
                if (!target.exists()) {
                    throw e;
                }
            }
        }
        return target;
    }
}
