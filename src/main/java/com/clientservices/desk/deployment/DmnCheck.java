package com.clientservices.desk.deployment;

import java.util.Set;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.commons.utils.StringUtil;

/**
 * The DMN side of the deployment check. A decision's cells are FEEL or JUEL: a cell in any other
 * expression language is a script and refused; a JUEL cell stays inside the {@link Vocabulary};
 * a FEEL cell defines no external function into Java.
 */
final class DmnCheck {

    private static final Set<String> EXPRESSIONS =
            Set.of("inputExpression", "inputEntry", "outputEntry", "literalExpression");
    private static final Set<String> NOT_EVALUATED = Set.of("DMNDI", "description");

    private DmnCheck() {}

    static Findings check(Element definitions) {
        var findings = new Findings();
        // As the engine does: the model's own language applies where a cell names none, unless it is FEEL.
        var global = definitions.attribute("expressionLanguage");
        walk(definitions, definitions, global == null || Languages.isFeel(global) ? "feel" : global, findings);
        return findings;
    }

    private static void walk(Element element, Element owner, String defaultLanguage, Findings findings) {
        var name = BpmnCheck.localName(element.getTagName());
        if (NOT_EVALUATED.contains(name)) {
            return;
        }
        if (element.attribute("id") != null) {
            owner = element;
        }
        var language = element.attribute("expressionLanguage");
        if (language != null && !Languages.isFeelOrJuel(language)) {
            findings.add(
                    owner,
                    "expressionLanguage=\"" + language + "\" makes it a script; the desk's decisions use FEEL or JUEL");
        }
        if (EXPRESSIONS.contains(name)) {
            for (var text : element.elements()) {
                if ("text".equals(BpmnCheck.localName(text.getTagName()))
                        && !text.getText().isBlank()) {
                    var problem = cellProblem(name, language != null ? language : defaultLanguage, text.getText());
                    if (problem != null) {
                        findings.add(owner, problem);
                    }
                }
            }
        }
        for (var child : element.elements()) {
            walk(child, owner, defaultLanguage, findings);
        }
    }

    private static String cellProblem(String kind, String language, String text) {
        if (Languages.isFeel(language)) {
            return ("inputEntry".equals(kind) ? FeelCheck.unaryTestsProblem(text) : FeelCheck.expressionProblem(text))
                    .orElse(null);
        }
        if (Languages.isJuel(language)) {
            // The engine evaluates a JUEL cell without ${…} as if it had them.
            return ExpressionCheck.problem(StringUtil.isExpression(text) ? text : "${" + text + "}")
                    .orElse(null);
        }
        return null; // refused above for its language
    }
}
