package com.clientservices.desk.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The rules a Camunda Form states for its fields (required, maximum length, allowed values), and
 * whether each field is shown, so that the server enforces exactly what the form shows a user.
 */
final class FormRules {

    private FormRules() {}

    /**
     * The problems of submitted values against the form: a required field of those shown that is
     * empty, a text longer than allowed, a value not among a select's options.
     *
     * @param hidden whether a FEEL {@code conditional.hide} expression hides its field for these values; asked only
     *     for a field that breaks a rule
     */
    static List<String> problems(JsonNode form, Map<String, Object> values, Predicate<String> hidden) {
        var problems = new ArrayList<String>();
        for (var component : components(form)) {
            var key = component.path("key").asText(null);
            if (key == null
                    || component.path("readonly").asBoolean(false)
                    || component.path("disabled").asBoolean(false)) {
                continue;
            }
            var found = problemsOf(component, key, values.get(key));
            // A hidden field asks nothing. Its condition is evaluated only when the field breaks a rule: a
            // task completed as its form asks (nearly every one) then costs no FEEL evaluation at all.
            var hide = component.path("conditional").path("hide").asText(null);
            if (found.isEmpty() || (hide != null && hidden.test(hide))) {
                continue;
            }
            problems.addAll(found);
        }
        return problems;
    }

    private static List<String> problemsOf(JsonNode component, String key, Object value) {
        var label = component.path("label").asText(key);
        var validate = component.path("validate");
        if (validate.path("required").asBoolean(false) && empty(value)) {
            return List.of(key + ": " + label + " is required");
        }
        var problems = new ArrayList<String>();
        if (value instanceof String text
                && validate.has("maxLength")
                && text.length() > validate.get("maxLength").asInt()) {
            problems.add(key + ": " + label + " has " + text.length() + " characters; at most "
                    + validate.get("maxLength").asInt());
        }
        if (!empty(value) && component.has("values") && !allowed(component.get("values"), value)) {
            problems.add(key + ": " + value + " is not one of the choices of " + label);
        }
        return problems;
    }

    /** The fields a user fills in: those with a key that are neither read-only nor disabled. */
    static List<String> editableKeys(JsonNode form) {
        return components(form).stream()
                .filter(c -> c.hasNonNull("key")
                        && !c.path("readonly").asBoolean(false)
                        && !c.path("disabled").asBoolean(false))
                .map(c -> c.get("key").asText())
                .toList();
    }

    static List<String> keys(JsonNode form) {
        return components(form).stream()
                .map(c -> c.path("key").asText(null))
                .filter(k -> k != null)
                .toList();
    }

    private static List<JsonNode> components(JsonNode container) {
        var all = new ArrayList<JsonNode>();
        for (var component : container.path("components")) {
            all.add(component);
            all.addAll(components(component));
        }
        return all;
    }

    private static boolean allowed(JsonNode options, Object value) {
        for (var option : options) {
            if (option.path("value").asText().equals(String.valueOf(value))) {
                return true;
            }
        }
        return false;
    }

    private static boolean empty(Object value) {
        return value == null || (value instanceof String text && text.isBlank());
    }
}
