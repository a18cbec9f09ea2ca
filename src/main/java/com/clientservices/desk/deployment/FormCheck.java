package com.clientservices.desk.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;

/**
 * The Camunda Forms side of the deployment check. The server evaluates a form's FEEL conditions
 * (the desk enforces what the form shows), so none may define an external function into Java; and
 * a form shows fields and text only: components that embed markup, pages or images from elsewhere
 * in front of an agent are not part of the desk's forms.
 */
final class FormCheck {

    private static final Set<String> COMPONENTS = new TreeSet<>(Set.of(
            "textfield",
            "textarea",
            "number",
            "datetime",
            "checkbox",
            "checklist",
            "radio",
            "select",
            "taglist",
            "text",
            "spacer",
            "separator",
            "group",
            "dynamiclist",
            "button"));

    private final ObjectMapper json;

    FormCheck(ObjectMapper json) {
        this.json = json;
    }

    List<Problem> problems(byte[] form) {
        JsonNode root;
        try {
            root = json.readTree(form);
        } catch (JsonProcessingException e) {
            return List.of(new ProblemImpl("the form is not JSON: " + e.getOriginalMessage(), null));
        } catch (IOException e) {
            return List.of(new ProblemImpl("the form cannot be read", null));
        }
        if (root == null || !root.isObject()) {
            return List.of(new ProblemImpl("the form is not a Camunda Form (a JSON object with components)", null));
        }
        var reasons = new LinkedHashMap<String, Set<String>>();
        walk(root, root.path("id").asText("form"), false, reasons);
        var problems = new ArrayList<Problem>();
        reasons.forEach((id, why) -> problems.add(new ProblemImpl(id + ": " + String.join("; ", why), null, id)));
        return problems;
    }

    private static void walk(JsonNode node, String owner, boolean component, Map<String, Set<String>> reasons) {
        if (node.isObject()) {
            var here = component ? node.path("id").asText(owner) : owner;
            var type = node.path("type").asText("");
            if (component && !COMPONENTS.contains(type)) {
                add(
                        reasons,
                        here,
                        "a form component of type '" + type + "' is not part of the desk's forms " + COMPONENTS);
            }
            node.fields()
                    .forEachRemaining(
                            field -> walk(field.getValue(), here, "components".equals(field.getKey()), reasons));
        } else if (node.isArray()) {
            node.forEach(element -> walk(element, owner, component, reasons));
        } else if (node.isTextual() && node.asText().startsWith("=")) {
            FeelCheck.expressionProblem(node.asText().substring(1)).ifPresent(problem -> add(reasons, owner, problem));
        }
    }

    private static void add(Map<String, Set<String>> reasons, String id, String reason) {
        reasons.computeIfAbsent(id, key -> new LinkedHashSet<>()).add(reason);
    }
}
