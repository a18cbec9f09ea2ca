package com.clientservices.desk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.regex.Pattern;

/**
 * The engine's messages as people may read them: what went wrong in words, without the Java
 * behind it. Fully qualified class names go (a plain value type such as {@code java.util.Date}
 * keeps its simple name, "Date"), as do exception and filter names ("ProcessEngineException:",
 * "CSRFPreventionFilter:") and the engine's log codes ("ENGINE-09005").
 */
final class EngineMessages {

    private static final Pattern VALUE_TYPE = Pattern.compile(
            "\\bjava\\.(?:lang|util|time|math)\\.(String|Integer|Long|Short|Double|Float|Boolean|Date|Object|BigDecimal"
                    + "|BigInteger|LocalDate|LocalDateTime|Instant|OffsetDateTime|ZonedDateTime|List|Map|Set)\\b");
    private static final Pattern QUALIFIED_NAME = Pattern.compile(
            "\\b(?:org|com|net|io|java|javax|jakarta|sun|jdk|camundajar)(?:\\.[A-Za-z_$][\\w$]*)+(?:\\(\\))?");
    private static final Pattern EXCEPTION_NAME =
            Pattern.compile("\\b[A-Z][A-Za-z0-9_$]*(?:Exception|Error|Filter)\\b:?");
    private static final Pattern LOG_CODE = Pattern.compile("\\b[A-Z]{2,}-\\d{5}\\b:?");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    private EngineMessages() {}

    static String forPeople(String message) {
        if (message == null) {
            return "";
        }
        var text = VALUE_TYPE.matcher(message).replaceAll("$1");
        text = QUALIFIED_NAME.matcher(text).replaceAll("");
        text = EXCEPTION_NAME.matcher(text).replaceAll("");
        text = LOG_CODE.matcher(text).replaceAll("");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        // What removing a name can leave at either end: "…: ", ": …", " ()", "'' ".
        return text.replaceAll("^[\\s:;,.-]+", "").replaceAll("[\\s:;,-]+$", "").strip();
    }

    /** Every text in a JSON structure (a deployment's parse details), for people. */
    static JsonNode forPeople(JsonNode node) {
        if (node instanceof TextNode text) {
            return TextNode.valueOf(forPeople(text.asText()));
        }
        if (node instanceof ObjectNode object) {
            var copy = object.objectNode();
            object.fields().forEachRemaining(field -> copy.set(field.getKey(), forPeople(field.getValue())));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            var copy = array.arrayNode();
            array.forEach(element -> copy.add(forPeople(element)));
            return copy;
        }
        return node;
    }
}
