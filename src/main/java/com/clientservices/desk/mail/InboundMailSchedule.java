package com.clientservices.desk.mail;

import com.clientservices.desk.DeskProperties;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Reads the mailbox every {@code desk.inbound-mail.poll-seconds} while the desk runs, when
 * {@code desk.inbound-mail.enabled} (docs/specification.md §12). One thread of its own, one pass at a time; several
 * nodes may poll the same mailbox, since each message is taken once by its recorded Message-ID.
 */
@Component
@ConditionalOnProperty(name = "desk.inbound-mail.enabled", havingValue = "true")
class InboundMailSchedule implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMailSchedule.class);

    private final MailboxPoller poller;
    private final Duration every;
    private ThreadPoolTaskScheduler scheduler;
    private ScheduledFuture<?> passes;

    InboundMailSchedule(MailboxPoller poller, DeskProperties properties) {
        this.poller = poller;
        this.every = Duration.ofSeconds(properties.inboundMail().pollSeconds());
    }

    @Override
    public synchronized void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("inbound-mail-");
        scheduler.initialize();
        passes = scheduler.scheduleWithFixedDelay(this::pass, every);
    }

    private void pass() {
        try {
            poller.poll();
        } catch (Exception e) {
            // The mail server may be away for a while: the next pass tries again.
            LOG.warn("Could not read the desk's mailbox: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (passes != null) {
            passes.cancel(false);
        }
        if (scheduler != null) {
            scheduler.shutdown();
        }
        scheduler = null;
        passes = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
