package com.clientservices.desk.web;

/**
 * Text that is shown as one line to people (a ticket's subject, a member's name, a file name) is
 * stored without control characters and without the invisible marks that change the direction
 * of the text around them (docs/specification.md §8). A right-to-left override makes {@code invoice \u202Egnp.exe}
 * show as "invoice exe.png"; a line break or a bell in a subject would reach the subject line of
 * the desk's e-mail. Such text is refused (400 naming the field); letters and emoji of any script,
 * Arabic and Hebrew included, are not touched.
 */
public final class PlainText {

    private PlainText() {}

    /** The first control, line-separator or direction character of the text, or -1 when it has none. */
    public static int unsafeCharacter(String text) {
        if (text == null) {
            return -1;
        }
        return text.codePoints().filter(PlainText::unsafe).findFirst().orElse(-1);
    }

    /** What is wrong with a text of {@link #unsafeCharacter(String)}, as a field's problem says it. */
    public static String problem(int character) {
        return String.format(
                "contains an invisible control or text-direction character (U+%04X); remove it", character);
    }

    private static boolean unsafe(int c) {
        return Character.getType(c) == Character.CONTROL // C0 and C1 controls: NUL, tab, CR, LF, bell, DEL, …
                || c == '\u2028'
                || c == '\u2029' // line and paragraph separators
                || c == '\u061C'
                || c == '\u200E'
                || c == '\u200F' // Arabic letter mark, left-to-right and right-to-left marks
                || (c >= '\u202A' && c <= '\u202E') // embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069'); // isolates
    }
}
