package com.clientservices.desk.deployment;

import static java.util.Map.entry;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What the models' expressions may name and call: exactly what the shipped models use. The
 * deployment check and the runtime resolver both read it from here, so a method added to a model
 * is added here once.
 */
final class Vocabulary {

    /** The desk's beans the models may name, each with the methods they may call on it. */
    private static final Map<String, Set<String>> BEANS = Map.ofEntries(
            entry("sendNotification", Set.of()),
            entry("deliverNotification", Set.of()),
            entry("requireFormFields", Set.of()),
            entry("describeTask", Set.of()),
            entry("rerouteTicket", Set.of()),
            entry("askCustomer", Set.of()),
            entry("recordRoute", Set.of()),
            entry("downgradeEmergency", Set.of()),
            entry("ticketStatus", Set.of("change", "reopen")),
            entry("conversation", Set.of("note")),
            entry(
                    "slaClock",
                    Set.of(
                            "start",
                            "taskDue",
                            "warn",
                            "breach",
                            "stop",
                            "startStatusUpdate",
                            "deliverStatusUpdate",
                            "stopStatusUpdates",
                            "workingDaysFromNow")));

    private Vocabulary() {}

    static boolean isBean(String name) {
        return BEANS.containsKey(name);
    }

    static Set<String> beans() {
        return new TreeSet<>(BEANS.keySet());
    }

    /** The methods the models may call on the bean; empty for a delegate or listener named whole. */
    static Set<String> methods(String bean) {
        return new TreeSet<>(BEANS.getOrDefault(bean, Set.of()));
    }

    /**
     * The engine's objects the models reach: the execution, the task, a business rule task's
     * decision result and one of its rows, and what each call or property read on them gives.
     */
    enum EngineObject {
        EXECUTION("execution", DelegateExecution.class),
        TASK("task", DelegateTask.class),
        DECISION_RESULT("decisionResult", DmnDecisionResult.class),
        DECISION_RESULT_ENTRIES(null, DmnDecisionResultEntries.class);

        private final String identifier;
        private final Class<?> type;

        EngineObject(String identifier, Class<?> type) {
            this.identifier = identifier;
            this.type = type;
        }

        /** The methods the models call on it, each with the engine object it returns (empty: a plain value). */
        Map<String, Optional<EngineObject>> methods() {
            return switch (this) {
                case EXECUTION -> Map.of("getVariable", Optional.empty());
                case DECISION_RESULT -> Map.of("getSingleResult", Optional.of(DECISION_RESULT_ENTRIES));
                case DECISION_RESULT_ENTRIES -> Map.of("getEntry", Optional.empty());
                case TASK -> Map.of();
            };
        }

        /** The properties the models read on it, each with the engine object it is (empty: a plain value). */
        Map<String, Optional<EngineObject>> properties() {
            return switch (this) {
                case EXECUTION -> Map.of("processBusinessKey", Optional.empty());
                case TASK -> Map.of("execution", Optional.of(EXECUTION));
                case DECISION_RESULT, DECISION_RESULT_ENTRIES -> Map.of();
            };
        }

        /** The engine object an expression means by this identifier, as the engine resolves it. */
        static Optional<EngineObject> named(String identifier) {
            return Arrays.stream(values())
                    .filter(o -> identifier.equals(o.identifier))
                    .findFirst();
        }

        /** The engine object this value at runtime is. */
        static Optional<EngineObject> of(Object value) {
            return Arrays.stream(values()).filter(o -> o.type.isInstance(value)).findFirst();
        }

        /** How a message names it: as a model reaches it. */
        String label() {
            return identifier != null ? identifier : "decisionResult.getSingleResult()";
        }
    }

    /** Every method and property of the engine objects the models may use, as a model writes them. */
    static Set<String> engineMembers() {
        var members = new TreeSet<String>();
        for (var object : EngineObject.values()) {
            object.methods().keySet().forEach(method -> members.add(object.label() + "." + method + "()"));
            object.properties().keySet().forEach(property -> members.add(object.label() + "." + property));
        }
        return members;
    }
}
