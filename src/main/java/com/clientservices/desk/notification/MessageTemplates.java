package com.clientservices.desk.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Plain-text message templates, one file per kind under {@code notifications/}: the first line is
 * {@code Subject: …}, the rest the body; {@code {{name}}} stands for a ticket value. Values are
 * inserted as plain text, and line breaks are taken out of the subject, so what a customer typed
 * can neither add markup nor add headers.
 */
@Component
class MessageTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");
    private static final int SUBJECT_MAX = 300;

    private final ResourceLoader resources;

    MessageTemplates(ResourceLoader resources) {
        this.resources = resources;
    }

    Message render(String template, Map<String, Object> values) {
        var text = load(template);
        var newline = text.indexOf('\n');
        var first = newline < 0 ? text : text.substring(0, newline);
        if (!first.startsWith("Subject:")) {
            throw new IllegalStateException("template " + template + " must start with a 'Subject:' line");
        }
        var subject = fill(first.substring("Subject:".length()).trim(), values)
                .replaceAll("[\\r\\n\\t]+", " ")
                .trim();
        if (subject.length() > SUBJECT_MAX) {
            subject = subject.substring(0, SUBJECT_MAX - 1) + "…";
        }
        var body = newline < 0 ? "" : fill(text.substring(newline + 1), values).strip() + "\n";
        return new Message(subject, body);
    }

    private static String fill(String text, Map<String, Object> values) {
        var matcher = PLACEHOLDER.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) {
            var value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String load(String template) {
        if (!template.matches("[a-z][a-z-]*")) {
            throw new IllegalArgumentException("not a template name: " + template);
        }
        var resource = resources.getResource("classpath:notifications/" + template + ".txt");
        try (var in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("no message template " + template, e);
        }
    }

    record Message(String subject, String body) {}
}
