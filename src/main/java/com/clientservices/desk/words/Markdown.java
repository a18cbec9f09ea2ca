package com.clientservices.desk.words;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Markdown for Camunda Forms' text views, which render a variable's value as Markdown: a
 * customer's text must show as typed, never as markup, a link or an image that fetches from
 * elsewhere. Every ASCII punctuation character of such text is escaped with a backslash
 * (CommonMark lets any of them be), and its line breaks are kept as hard breaks.
 */
public final class Markdown {

    private Markdown() {}

    /** Someone's text, shown literally; an empty string for none. */
    public static String text(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length() + 16);
        var lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append(lines[i - 1].isBlank() || lines[i].isBlank() ? "\n" : "  \n");
            }
            escape(lines[i].stripTrailing(), out);
        }
        return out.toString();
    }

    /** One bullet per item, each shown literally. */
    public static String bullets(List<String> items) {
        return items.stream()
                .map(item -> "- " + text(item).replace("\n", "\n  "))
                .collect(Collectors.joining("\n"));
    }

    /** A link whose words are shown literally; the address is the desk's own, never a user's. */
    public static String link(String words, String address) {
        return "[" + text(words) + "](" + address.replace(" ", "%20").replace(")", "%29") + ")";
    }

    private static void escape(String line, StringBuilder out) {
        // Leading spaces would make an indented code block; a non-breaking space keeps the indent.
        int start = 0;
        while (start < line.length() && line.charAt(start) == ' ') {
            out.append('\u00a0');
            start++;
        }
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 128 && isPunctuation(c)) {
                out.append('\\');
            }
            out.append(c == '\t' ? ' ' : c);
        }
    }

    private static boolean isPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
