package com.clientservices.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Types are named through imports, not spelled out inline ({@code java.util.Map}, {@code
 * org.camunda.bpm.engine.impl.util.ClockUtil}): an inline name hides a dependency from the imports a
 * reader scans first, and from the formatter's import order. The formatter (Spotless, run by {@code
 * ./mvnw verify}) orders and prunes imports; this test catches what it cannot. Comments and string
 * literals are left out, so that Javadoc and class names in text may stay.
 */
class SourcesNameTypesByImportTest {

    private static final Pattern INLINE_TYPE =
            Pattern.compile("(?<![\\w.])(?:java|javax|jakarta|org|com)\\.[a-z0-9_]+(?:\\.[a-z0-9_]+)*\\.[A-Z]\\w*");

    @Test
    void noSourceNamesATypeByItsFullyQualifiedNameOutsideImports() {
        var found = new ArrayList<String>();
        for (var root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
            javaFiles(root).forEach(file -> found.addAll(inlineTypes(file)));
        }
        assertThat(found)
                .as("inline fully-qualified type names; import them instead")
                .isEmpty();
    }

    @Test
    void theCheckFindsAnInlineTypeButNotOneInACommentOrAString() {
        var code = """
                import java.util.List;
                class Example {
                    /** Like {@link java.util.Map}, see org.example.Other. */
                    String name = "org.h2.Driver"; // java.util.Set
                    java.util.Map<String, String> map;
                }
                """;
        assertThat(inlineTypes(Path.of("Example.java"), code)).containsExactly("Example.java:5 java.util.Map");
    }

    private static Stream<Path> javaFiles(Path root) {
        try {
            return Files.walk(root).filter(path -> path.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> inlineTypes(Path file) {
        try {
            return inlineTypes(file, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> inlineTypes(Path file, String source) {
        var lines = code(source).split("\n", -1);
        var found = new ArrayList<String>();
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i].strip();
            if (line.startsWith("import ") || line.startsWith("package ")) {
                continue;
            }
            var matcher = INLINE_TYPE.matcher(lines[i]);
            while (matcher.find()) {
                found.add(file + ":" + (i + 1) + " " + matcher.group());
            }
        }
        return found;
    }

    /** The source with comments, string and character literals blanked out, line breaks kept. */
    private static String code(String source) {
        var out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = skipTo(source, i, "\n", out, false);
            } else if (source.startsWith("/*", i)) {
                i = skipTo(source, i + 2, "*/", out, true);
            } else if (source.startsWith("\"\"\"", i)) {
                i = skipTo(source, i + 3, "\"\"\"", out, true);
            } else if (c == '"' || c == '\'') {
                i = skipLiteral(source, i, c);
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Skips to after {@code end} (or to it, for a line comment), keeping the line breaks passed. */
    private static int skipTo(String source, int from, String end, StringBuilder out, boolean pastEnd) {
        int at = source.indexOf(end, from);
        int stop = at < 0 ? source.length() : pastEnd ? at + end.length() : at;
        source.substring(from, stop).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
        return stop;
    }

    private static int skipLiteral(String source, int start, char quote) {
        int i = start + 1;
        while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }
}
