package com.clientservices.desk.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML-only mail as plain text (docs/specification.md §12): a conservative stripper, not a renderer. Scripts,
 * styles and comments go with their content, block ends become line breaks, every other tag goes, and the
 * common entities are decoded; what is left is text, which the desk shows escaped like any other.
 */
final class HtmlText {

    private static final Pattern HIDDEN =
            Pattern.compile("(?is)<(script|style|head|title)\\b.*?</\\1\\s*>|<!--.*?-->|<!\\[CDATA\\[.*?]]>");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6]|blockquote|pre)\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)</?[a-zA-Z!][^>]*>");
    private static final Pattern NUMERIC = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});");
    private static final Pattern BLANK_LINES = Pattern.compile("\n[ \t]*(\n[ \t]*){2,}");

    private HtmlText() {}

    static String of(String html) {
        var text = HIDDEN.matcher(html).replaceAll("");
        text = BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = NUMERIC.matcher(text).replaceAll(match -> Matcher.quoteReplacement(character(match.group(1))));
        text = text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
        return BLANK_LINES
                .matcher(text.replace("\r\n", "\n"))
                .replaceAll("\n\n")
                .strip();
    }

    private static String character(String code) {
        try {
            var point = code.startsWith("x") ? Integer.parseInt(code.substring(1), 16) : Integer.parseInt(code);
            return Character.isValidCodePoint(point) && point != 0 ? Character.toString(point) : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }
}
