package com.clientservices.desk.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;

/**
 * What a model does outside the vocabulary, gathered per element that carries an id (a task, a
 * flow, a table cell), so the process owner gets one error per element, naming it, with every
 * reason.
 */
final class Findings {

    private final Map<Element, Set<String>> reasons = new LinkedHashMap<>();

    void add(Element element, String reason) {
        reasons.computeIfAbsent(element, e -> new LinkedHashSet<>()).add(reason);
    }

    boolean isEmpty() {
        return reasons.isEmpty();
    }

    /** One message per element: its id, then why it is refused. */
    Map<Element, String> messages() {
        var messages = new LinkedHashMap<Element, String>();
        reasons.forEach((element, why) -> messages.put(element, name(element) + ": " + String.join("; ", why)));
        return messages;
    }

    /** The engine's problems, as its REST API reports them under the resource's name. */
    List<Problem> problems() {
        var problems = new ArrayList<Problem>();
        messages().forEach((element, message) -> problems.add(new ProblemImpl(message, element)));
        return problems;
    }

    private static String name(Element element) {
        var id = element.attribute("id");
        return id != null ? id : element.getTagName();
    }
}
