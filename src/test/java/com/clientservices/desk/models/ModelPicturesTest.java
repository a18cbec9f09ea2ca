package com.clientservices.desk.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's pictures are drawn from the models by scripts/render-models.mjs (npm run draw):
 * each picture shows exactly the elements of its model, so a model changed without redrawing its
 * picture fails the build.
 */
class ModelPicturesTest {

    private static final Pattern DRAWN = Pattern.compile("data-element-id=\"([^\"]+)\"");

    static Stream<Path> models() throws IOException {
        return Files.list(Paths.get("processes"))
                .filter(path -> path.toString().endsWith(".bpmn"))
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void pictureShowsExactlyTheElementsOfItsModel(Path model) throws IOException {
        var name = model.getFileName().toString().replace(".bpmn", ".svg");
        var picture = Paths.get("docs", "models", name);
        assertThat(picture).as("run `npm run draw` to draw " + name).exists();

        var instance = Bpmn.readModelFromFile(model.toFile());
        var expected = new TreeSet<String>();
        instance.getModelElementsByType(FlowNode.class).forEach(node -> expected.add(node.getId()));
        instance.getModelElementsByType(SequenceFlow.class).forEach(flow -> expected.add(flow.getId()));
        var drawn = new TreeSet<String>();
        var matcher = DRAWN.matcher(Files.readString(picture));
        while (matcher.find()) {
            drawn.add(matcher.group(1));
        }
        drawn.removeIf(id -> id.endsWith("_label") || instance.getModelElementById(id) instanceof Process);

        assertThat(drawn).as("%s is out of date: run `npm run draw`", picture).isEqualTo(expected);
    }
}
