package com.clientservices.desk.deployment;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The BPMN side of the deployment check: every element and attribute of the model as the engine
 * read it, whatever its namespace (the engine also takes the old activiti one). Scripts, Java
 * classes, connectors and validators naming a class are refused outright, and so is a called
 * process given any business key but its caller's; every other attribute and text is read as an
 * expression and has to stay inside the {@link Vocabulary}.
 */
final class BpmnCheck {

    // What the engine's form fields validate without naming a class or an expression.
    private static final Set<String> BUILT_IN_VALIDATORS =
            new TreeSet<>(Set.of("required", "readonly", "minlength", "maxlength", "min", "max"));
    // Never evaluated: the diagram's layout, documentation and annotations.
    private static final Set<String> NOT_EVALUATED = Set.of("BPMNDiagram", "documentation", "textAnnotation");
    private static final String NO_SCRIPTS = "the desk's models run no scripts";
    // A called process keeps its caller's business key: the key is what ties a process to its ticket.
    private static final Set<String> INHERITED_KEY =
            Set.of("#{execution.processBusinessKey}", "${execution.processBusinessKey}");

    private BpmnCheck() {}

    static Findings check(Element definitions) {
        var findings = new Findings();
        walk(definitions, definitions, false, findings);
        return findings;
    }

    /**
     * @param parentOwner the element a finding is reported for: the nearest one of the diagram with an id
     *                    (the ids inside extension elements, such as a form field's, are not the diagram's)
     */
    private static void walk(Element element, Element parentOwner, boolean inExtensions, Findings findings) {
        var name = localName(element.getTagName());
        if (NOT_EVALUATED.contains(name)) {
            return;
        }
        var owner = !inExtensions && element.attribute("id") != null ? element : parentOwner;
        var refused = refusedElement(element, name);
        if (refused != null) {
            findings.add(owner, refused);
        }
        for (var key : element.attributes()) {
            if (!key.startsWith("xmlns")) {
                var problem = attributeProblem(localName(key), element.attribute(key));
                if (problem != null) {
                    findings.add(owner, problem);
                }
            }
        }
        if (refused == null && !element.getText().isBlank()) {
            ExpressionCheck.problem(element.getText()).ifPresent(problem -> findings.add(owner, problem));
        }
        for (var child : element.elements()) {
            walk(child, owner, inExtensions || "extensionElements".equals(name), findings);
        }
    }

    private static String refusedElement(Element element, String name) {
        return switch (name) {
            case "scriptTask" -> "a script task runs a script on the server; " + NO_SCRIPTS;
            case "script" -> "a script (" + element.attribute("scriptFormat") + ") runs on the server; " + NO_SCRIPTS;
            case "connector" ->
                "a connector calls other systems from the server; the desk's models use its delegates "
                        + Vocabulary.beans();
            case "constraint" ->
                BUILT_IN_VALIDATORS.contains(element.attribute("name"))
                        ? null
                        : "the form field validator '" + element.attribute("name")
                                + "' names a class or an expression; " + "the desk's forms validate with "
                                + BUILT_IN_VALIDATORS;
            default -> null;
        };
    }

    private static String attributeProblem(String name, String value) {
        return switch (name) {
            case "class", "variableMappingClass", "formHandlerClass" ->
                "camunda:" + name + " names the Java class " + value + "; the desk's models use its delegates by name "
                        + Vocabulary.beans();
            case "resource" -> "camunda:resource loads the script " + value + "; " + NO_SCRIPTS;
            case "language", "scriptFormat" -> name + "=\"" + value + "\" makes it a script; " + NO_SCRIPTS;
            case "businessKey" ->
                INHERITED_KEY.contains(value.strip())
                        ? null
                        : "camunda:in businessKey=\"" + value + "\" gives the called process another business key; "
                                + "it keeps its caller's (#{execution.processBusinessKey}), the key that ties a process "
                                + "to its ticket (docs/specification.md §8)";
            // The schema's default (XPath) on the definitions: the engine reads every expression as JUEL regardless.
            case "expressionLanguage", "typeLanguage" -> null;
            case "delegateExpression", "variableMappingDelegateExpression" ->
                ExpressionCheck.delegateProblem(value)
                        .map(problem -> "camunda:" + name + " " + problem)
                        .orElse(null);
            default ->
                ExpressionCheck.problem(value)
                        .map(problem -> name + " " + problem)
                        .orElse(null);
        };
    }

    /** The name without namespace: the engine reads qualified names when it does not validate the schema. */
    static String localName(String name) {
        return name.substring(name.lastIndexOf(':') + 1);
    }
}
