package com.clientservices.desk;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The desk's own settings ({@code desk.*}), in one place with their defaults; application.yml and
 * application-prod.yml set them per run mode and the README lists them. The names are a contract
 * with whoever runs the desk, so they do not change. A value that would make the desk misbehave
 * (a retention or a limit below 1) stops the start with the property's name.
 *
 * <p>The business calendar ({@code desk.sla.*}) is the SLA member of this family, bound on its
 * own as {@link com.clientservices.desk.sla.SlaCalendarProperties} so that the calendar can be
 * built without the rest. Whether the demo data and which notification channel are active is
 * decided by {@code desk.demo.enabled} and {@code desk.notifications.channel} on the beans
 * themselves; they are bound here too so that they are listed and checked with the others.
 */
@Validated
@ConfigurationProperties("desk")
public record DeskProperties(
        @Valid @NotNull @DefaultValue SignIn signIn,
        @Valid @NotNull @DefaultValue History history,
        @Valid @NotNull @DefaultValue Demo demo,
        @Valid @NotNull @DefaultValue Notifications notifications,
        @Valid @NotNull @DefaultValue Intake intake,
        @Valid @NotNull @DefaultValue Production production,
        @Valid @NotNull @DefaultValue InboundMail inboundMail) {

    /** {@code desk.sign-in.*}: sign-ins of the desk, its API and the webapps. */
    public record SignIn(@Valid @NotNull @DefaultValue Throttle throttle) {

        /**
         * @param maxFailures failed sign-ins from one address within {@code window} before its
         *                    further sign-ins are answered 429
         * @param window      how long a failed sign-in counts
         */
        public record Throttle(
                @Min(1) @DefaultValue("10") int maxFailures,
                @NotNull @DefaultValue("5m") Duration window) {}
    }

    /** @param retentionDays {@code desk.history.retention-days}: how long a closed ticket's history is kept */
    public record History(@Min(1) @DefaultValue("2555") int retentionDays) {}

    /**
     * @param enabled       {@code desk.demo.enabled}: demo identities and customers
     * @param sampleTickets {@code desk.demo.sample-tickets}: a few tickets on the first start
     */
    public record Demo(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("true") boolean sampleTickets) {}

    /**
     * @param channel {@code desk.notifications.channel}: {@code outbox} keeps messages in the local
     *                outbox, {@code smtp} sends e-mail through {@code spring.mail.*}
     * @param from    {@code desk.notifications.from}: the sender of every e-mail
     * @param portalUrl {@code desk.notifications.portal-url}: where people open the desk, for the
     *                links in messages ({@code <portal-url>/portal/tickets/CS-12}, Tasklist for staff)
     * @param retryCycle {@code desk.notifications.retry-cycle}: when a message that failed to leave is tried
     *                again, an ISO 8601 repeating interval ({@code R6/PT10M}: six more tries, ten minutes
     *                apart); an incident follows the last (docs/specification.md §7)
     */
    public record Notifications(
            @NotNull @DefaultValue("outbox") Channel channel,
            String from,
            @NotBlank @DefaultValue("http://localhost:8080") String portalUrl,

            @NotNull @Pattern(regexp = "R[1-9][0-9]*/P[0-9YMWDTHS.]+") @DefaultValue("R6/PT10M")
            String retryCycle) {

        public enum Channel {
            OUTBOX,
            SMTP
        }
    }

    /** @param maxBodyBytes {@code desk.intake.max-body-bytes}: the largest JSON body the API reads */
    public record Intake(@Min(1) @DefaultValue("262144") int maxBodyBytes) {}

    /**
     * @param minPasswordLength {@code desk.production.min-password-length}: the shortest
     *                          administrator password a production start accepts
     */
    public record Production(@Min(1) @DefaultValue("12") int minPasswordLength) {}

    /**
     * {@code desk.inbound-mail.*}: the mailbox contacts write to (docs/specification.md §12), read over IMAP or
     * IMAPS every {@code poll-seconds}; off unless {@code enabled}, so the embedded default needs no mail server.
     */
    public record InboundMail(
            @DefaultValue("false") boolean enabled,
            String host,
            Integer port,
            @NotNull @DefaultValue("imaps") Protocol protocol,
            String username,
            String password,
            @NotBlank @DefaultValue("INBOX") String folder,
            @Min(1) @DefaultValue("30") int pollSeconds) {

        public enum Protocol {
            IMAP,
            IMAPS
        }
    }
}
