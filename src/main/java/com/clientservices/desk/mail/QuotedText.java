package com.clientservices.desk.mail;

import java.util.ArrayList;
import java.util.regex.Pattern;

/**
 * A reply's own words without what it quotes (docs/specification.md §12): mail programs put the earlier
 * messages and the sender's signature below the answer. The rules, in order, line by line:
 * <ul>
 *   <li>everything from a line {@code On … wrote:} (also when the mail program broke it over two lines) or
 *       {@code Am … schrieb …:} on is the quoted history, unless the customer answered between its quoted
 *       lines: then only that line and the quoted lines are left out, and the answers kept;</li>
 *   <li>so is everything from {@code -----Original Message-----} on, and from an Outlook header block, a line
 *       {@code From: …} followed within three lines by {@code Sent: …};</li>
 *   <li>everything from the signature delimiter, a line {@code -- }, on is the signature;</li>
 *   <li>a line starting with {@code >} is quoted and left out wherever it stands.</li>
 * </ul>
 */
final class QuotedText {

    private static final Pattern WROTE = Pattern.compile("^\\s*On\\s.*\\bwrote:\\s*$");
    private static final Pattern ON = Pattern.compile("^\\s*On\\s.*");
    private static final Pattern SCHRIEB = Pattern.compile("^\\s*Am\\s.*\\bschrieb\\b.*:\\s*$");
    private static final Pattern ORIGINAL =
            Pattern.compile("^\\s*-{2,}\\s*Original Message\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FROM = Pattern.compile("^\\s*\\*?From:\\*?\\s.*");
    private static final Pattern SENT = Pattern.compile("^\\s*\\*?Sent:\\*?\\s.*");

    private QuotedText() {}

    static String ownWords(String text) {
        var lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        var kept = new ArrayList<String>();
        for (var i = 0; i < lines.length; i++) {
            var line = lines[i];
            var attribution = attribution(lines, i);
            if (attribution > 0 && answeredBetweenTheQuotes(lines, i + attribution)) {
                i += attribution - 1;
                continue;
            }
            if (attribution > 0 || startsHistory(lines, i) || signature(line)) {
                break;
            }
            if (!line.stripLeading().startsWith(">")) {
                kept.add(line);
            }
        }
        return String.join("\n", kept).strip();
    }

    private static boolean signature(String line) {
        return line.equals("-- ") || line.equals("--");
    }

    /** How many lines the {@code On … wrote:} line above a quote takes at line {@code i}: 0, 1 or 2. */
    private static int attribution(String[] lines, int i) {
        var line = lines[i];
        if (WROTE.matcher(line).matches() || SCHRIEB.matcher(line).matches()) {
            return 1;
        }
        if (ON.matcher(line).matches()
                && i + 1 < lines.length
                && lines[i + 1].strip().endsWith("wrote:")) {
            return 2;
        }
        return 0;
    }

    /** Whether a line of the customer's own follows a quoted line in the quote starting at {@code from}. */
    private static boolean answeredBetweenTheQuotes(String[] lines, int from) {
        var quoted = false;
        for (var j = from; j < lines.length && !signature(lines[j]); j++) {
            if (lines[j].stripLeading().startsWith(">")) {
                quoted = true;
            } else if (quoted && !lines[j].isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Whether an Outlook-style history (no quote marks) starts at line {@code i}. */
    private static boolean startsHistory(String[] lines, int i) {
        var line = lines[i];
        if (ORIGINAL.matcher(line).matches()) {
            return true;
        }
        if (FROM.matcher(line).matches()) {
            for (var j = i + 1; j < lines.length && j <= i + 3; j++) {
                if (SENT.matcher(lines[j]).matches()) {
                    return true;
                }
            }
        }
        return false;
    }
}
