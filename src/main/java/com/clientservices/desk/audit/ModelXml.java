package com.clientservices.desk.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;

/** The BPMN of a deployed process definition as it was deployed, for the pages' diagram viewer. */
final class ModelXml {

    private ModelXml() {}

    static String of(RepositoryService repository, String definitionId) {
        try (var model = repository.getProcessModel(definitionId)) {
            return new String(model.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
