package com.clientservices.desk.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The request types, read from the rows of the deployed {@code request-routing} decision table,
 * so that the table stays the only list of codes: a row added or changed there is a request type
 * here without a Java change.
 */
@Component
public class RequestTypeCatalogue {

    static final String DECISION_KEY = "request-routing";

    private final RepositoryService repository;
    private final AtomicReference<Snapshot> cache = new AtomicReference<>();

    RequestTypeCatalogue(RepositoryService repository) {
        this.repository = repository;
    }

    public List<RequestType> all() {
        return current().types();
    }

    public Optional<RequestType> find(String code) {
        return all().stream().filter(type -> type.code().equals(code)).findFirst();
    }

    /**
     * The latest table, looked up once per transaction: intake asks for request types several
     * times (validation, what is missing, the route, the task's list entry, the message), and one
     * transaction reads one version of the table.
     */
    private Snapshot current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return latest();
        }
        var bound = (Snapshot) TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return bound;
        }
        var latest = latest();
        TransactionSynchronizationManager.bindResource(this, latest);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(RequestTypeCatalogue.this);
            }
        });
        return latest;
    }

    private Snapshot latest() {
        var definition = repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_KEY)
                .latestVersion()
                .withoutTenantId()
                .singleResult();
        if (definition == null) {
            throw new IllegalStateException("the decision " + DECISION_KEY + " is not deployed");
        }
        var cached = cache.get();
        if (cached != null && cached.definitionId().equals(definition.getId())) {
            return cached;
        }
        var fresh = new Snapshot(definition.getId(), read(definition.getId()));
        cache.set(fresh);
        return fresh;
    }

    private List<RequestType> read(String definitionId) {
        var model = repository.getDmnModelInstance(definitionId);
        var table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        var outputs = new ArrayList<>(table.getOutputs());
        var types = new ArrayList<RequestType>();
        for (Rule rule : table.getRules()) {
            var code = literal(rule.getInputEntries().iterator().next().getTextContent());
            var entries = new ArrayList<>(rule.getOutputEntries());
            types.add(new RequestType(
                    code,
                    literal(entries.get(index(outputs, "label")).getTextContent()),
                    literal(entries.get(index(outputs, "example")).getTextContent()),
                    literal(entries.get(index(outputs, "route")).getTextContent()),
                    Boolean.parseBoolean(
                            literal(entries.get(index(outputs, "uiRelated")).getTextContent())),
                    // A routing table deployed before this column existed asks for none.
                    hasOutput(outputs, "justificationRequired")
                            && Boolean.parseBoolean(literal(entries.get(index(outputs, "justificationRequired"))
                                    .getTextContent())),
                    // A routing table deployed before this column existed gives no guidance.
                    hasOutput(outputs, "guidance")
                            ? literal(entries.get(index(outputs, "guidance")).getTextContent())
                            : null));
        }
        return List.copyOf(types);
    }

    private static boolean hasOutput(List<Output> outputs, String name) {
        return outputs.stream().anyMatch(output -> name.equals(output.getName()));
    }

    private static int index(List<Output> outputs, String name) {
        for (int i = 0; i < outputs.size(); i++) {
            if (name.equals(outputs.get(i).getName())) {
                return i;
            }
        }
        throw new IllegalStateException("the decision " + DECISION_KEY + " has no output named " + name);
    }

    // Table cells hold FEEL literals such as "APP_BUG"; the catalogue shows the plain value.
    private static String literal(String cell) {
        var text = cell == null ? "" : cell.trim();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isEmpty() ? null : text;
    }

    private record Snapshot(String definitionId, List<RequestType> types) {}
}
