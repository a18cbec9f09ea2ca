package com.clientservices.desk.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model in processes/ and forms/ opens cleanly in Camunda Modeler and reads as documentation
 * (docs/specification.md §11): execution platform Camunda 7.24, history time to live, a diagram shape or edge for
 * every element, labels, documentation on every activity, and ids after Camunda's naming guide.
 */
class ModelConventionsTest {

    private static final String MODELER = "http://camunda.org/schema/modeler/1.0";

    static Stream<Path> bpmnFiles() throws IOException {
        return files("processes", ".bpmn");
    }

    static Stream<Path> dmnFiles() throws IOException {
        return files("processes", ".dmn");
    }

    static Stream<Path> formFiles() throws IOException {
        return files("forms", ".form");
    }

    /** A code such as NEED_CUSTOMER_INFO or REROUTE; SLA is a word people use. */
    private static final Pattern CODE = Pattern.compile("\\b(?!SLA\\b)[A-Z][A-Z0-9_]{2,}\\b");

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void processModelFollowsTheConventions(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        var definitions = model.getDefinitions().getDomElement();
        assertThat(definitions.getAttribute(MODELER, "executionPlatform")).isEqualTo("Camunda Platform");
        assertThat(definitions.getAttribute(MODELER, "executionPlatformVersion"))
                .startsWith("7.24");

        var problems = new ArrayList<String>();
        for (var process : model.getModelElementsByType(Process.class)) {
            if (!process.isExecutable()) {
                problems.add(process.getId() + " is not executable");
            }
            if (process.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(process.getId() + " has no history time to live");
            }
            if (process.getDocumentations().isEmpty()) {
                problems.add(process.getId() + " has no documentation");
            }
        }
        var drawn = new HashSet<String>();
        model.getModelElementsByType(BpmnShape.class)
                .forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
        model.getModelElementsByType(BpmnEdge.class)
                .forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
        for (var node : model.getModelElementsByType(FlowNode.class)) {
            check(problems, node, drawn);
        }
        for (var flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!drawn.contains(flow.getId())) {
                problems.add(flow.getId() + " has no edge in the diagram");
            }
            if (!flow.getId().startsWith("Flow_")) {
                problems.add(flow.getId() + " should be named Flow_…");
            }
        }
        // The diagrams are read by people on the audit pages and in Tasklist: labels in words, not codes.
        for (var element : model.getModelElementsByType(FlowElement.class)) {
            if (element.getName() != null && CODE.matcher(element.getName()).find()) {
                problems.add(element.getId() + " is labelled with a code: " + element.getName());
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dmnFiles")
    void decisionModelFollowsTheConventions(Path file) throws IOException {
        var model = Dmn.readModelFromFile(file.toFile());
        var definitions = model.getDefinitions().getDomElement();
        assertThat(definitions.getAttribute(MODELER, "executionPlatform")).isEqualTo("Camunda Platform");
        assertThat(definitions.getAttribute(MODELER, "executionPlatformVersion"))
                .startsWith("7.24");
        for (var decision : model.getModelElementsByType(Decision.class)) {
            assertThat(decision.getCamundaHistoryTimeToLiveString())
                    .as(decision.getId())
                    .isNotBlank();
            assertThat(decision.getName()).as(decision.getId()).isNotBlank();
            assertThat(decision.getDescription())
                    .as(decision.getId() + " documentation")
                    .isNotNull();
            assertThat(Files.readString(file))
                    .as("a diagram shape for " + decision.getId())
                    .contains("dmnElementRef=\"" + decision.getId() + "\"");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formFiles")
    void formIsACamunda724Form(Path file) throws IOException {
        var form = new ObjectMapper().readTree(file.toFile());
        assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
        assertThat(form.path("executionPlatformVersion").asText()).startsWith("7.24");
        assertThat(file.getFileName().toString()).isEqualTo(form.path("id").asText() + ".form");
        for (var component : form.path("components")) {
            assertThat(component.path("label").asText())
                    .as(file + " " + component.path("id").asText())
                    .isNotBlank();
        }
    }

    private static void check(List<String> problems, FlowNode node, HashSet<String> drawn) {
        var id = node.getId();
        if (!drawn.contains(id)) {
            problems.add(id + " has no shape in the diagram");
        }
        if (node.getName() == null || node.getName().isBlank()) {
            problems.add(id + " has no label");
        }
        var prefix = node instanceof Event
                ? "Event_"
                : node instanceof Gateway
                        ? "Gateway_"
                        : node instanceof CallActivity || node instanceof SubProcess ? "Activity_" : "Task_";
        if (!id.startsWith(prefix)) {
            problems.add(id + " should be named " + prefix + "…");
        }
        if (node instanceof Activity && ((BaseElement) node).getDocumentations().isEmpty()) {
            problems.add(id + " has no documentation");
        }
    }

    private static Stream<Path> files(String folder, String suffix) throws IOException {
        var found = Files.list(Paths.get(folder))
                .filter(path -> path.toString().endsWith(suffix))
                .sorted()
                .toList();
        assertThat(found).as("models in " + folder).isNotEmpty();
        return found.stream();
    }
}
