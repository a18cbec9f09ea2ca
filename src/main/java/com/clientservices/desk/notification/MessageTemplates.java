package com.clientservices.desk.notification;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The message templates (docs/specification.md §7), Thymeleaf files a process owner edits under
 * {@code src/main/resources/notifications/}, two per message kind:
 *
 * <ul>
 *   <li>{@code <kind>.txt}, Thymeleaf's TEXT mode: the plain-text part. Its first line is
 *       {@code Subject: …}, the subject of the message (line breaks taken out, at most 300
 *       characters); the rest is the body. Values are written {@code [(${ticket.subject})]},
 *       conditions and lists {@code [# th:if="${ticket.browser != null}"]…[/]} and
 *       {@code [# th:each="item : ${ticket.missing}"]- [(${item})][/]}.
 *   <li>{@code <kind>.html}, HTML mode: the HTML part, with the same values through
 *       {@code th:text}, which escapes them, so nothing a customer typed becomes markup
 *       ({@code th:utext} is never used on people's text).
 * </ul>
 *
 * Parts both formats share sit under {@code notifications/fragments/} and are inserted with
 * {@code th:insert}. What the templates see is {@link MessageModel}. A dedicated engine and
 * resolver, not the pages' one, so a page can never be rendered as a message or the other way.
 */
@Component
class MessageTemplates {

    static final String FOLDER = "notifications/";
    private static final String SUBJECT = "Subject:";
    private static final int SUBJECT_MAX = 300;

    private final TemplateEngine engine;

    MessageTemplates() {
        var engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
        this.engine = engine;
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        var resolver = new ClassLoaderTemplateResolver(MessageTemplates.class.getClassLoader());
        resolver.setPrefix(FOLDER);
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    Message render(String kind, MessageModel model) {
        if (kind == null || !kind.matches("[a-z][a-z-]*")) {
            throw new IllegalArgumentException("not a message kind: " + kind);
        }
        var context = new Context();
        model.values().forEach(context::setVariable);
        context.setVariable("ticket", model.ticket());
        context.setVariable("recipient", model.recipient());
        context.setVariable("toCustomer", model.toCustomer());
        context.setVariable("links", model.links());
        var text = engine.process(kind + ".txt", context).replace("\r\n", "\n");
        var newline = text.indexOf('\n');
        var first = newline < 0 ? text : text.substring(0, newline);
        if (!first.startsWith(SUBJECT)) {
            throw new IllegalStateException("template " + kind + ".txt must start with a 'Subject:' line");
        }
        var subject = first.substring(SUBJECT.length())
                .replaceAll("[\\r\\n\\t]+", " ")
                .strip();
        if (subject.length() > SUBJECT_MAX) {
            subject = subject.substring(0, SUBJECT_MAX - 1) + "…";
        }
        var body = newline < 0 ? "" : tidy(text.substring(newline + 1));
        var html = engine.process(kind + ".html", context);
        return new Message(subject, body, html);
    }

    // Conditions that leave nothing behind leave blank lines; more than one in a row reads as a gap.
    private static String tidy(String body) {
        return body.replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    /** One rendered message: its subject, the plain-text part and the HTML part. */
    record Message(String subject, String body, String html) {}
}
