package com.clientservices.desk.deployment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;

/**
 * The engine's FEEL engine, remembering what a decision table cell that is a single literal
 * ({@code "AD_SERVING"}, {@code true}, {@code 42}) gave: an output entry's value, and an input
 * entry's answer for each input value it was tested against. Such a cell reads nothing but the
 * input, so its result never changes; the FEEL engine would otherwise parse it and rebuild its
 * built-in functions for every cell of every evaluation (about a tenth of a ticket's intake went to
 * the routing table's fourteen rows). The key is the cell's own text, so a redeployed table with
 * other cells is evaluated afresh at once; every other cell and expression goes to the FEEL engine
 * as before, and so does the first evaluation of each literal, so what a cell means does not change.
 */
final class LiteralCellResults implements FeelEngine {

    /** A string without escapes, a boolean or a decimal number: a FEEL literal that reads no variable. */
    private static final Pattern LITERAL = Pattern.compile("\"[^\"\\\\]*\"|true|false|-?\\d{1,18}(\\.\\d{1,18})?");

    /** Input values whose equality is their value's. */
    private static final Set<Class<?>> PLAIN =
            Set.of(String.class, Boolean.class, Integer.class, Long.class, Short.class, Double.class, BigDecimal.class);

    /** Enough for every literal cell of the deployed tables and the values they meet; cleared if ever full. */
    private static final int MOST = 10_000;

    private final FeelEngine feel;
    private final Map<String, Object> outputs = new ConcurrentHashMap<>();
    private final Map<InputTest, Boolean> inputTests = new ConcurrentHashMap<>();

    LiteralCellResults(FeelEngine feel) {
        this.feel = feel;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        if (expression == null || !LITERAL.matcher(expression.strip()).matches()) {
            return feel.evaluateSimpleExpression(expression, variables);
        }
        var known = outputs.get(expression);
        if (known != null) {
            return (T) known;
        }
        T value = feel.evaluateSimpleExpression(expression, variables);
        if (value != null && PLAIN.contains(value.getClass())) {
            remember(outputs, expression, value);
        }
        return value;
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String tests, String inputName, VariableContext variables) {
        var input = variables.resolve(inputName);
        var value = input == null ? null : input.getValue();
        if (tests == null
                || value == null
                || !PLAIN.contains(value.getClass())
                || !LITERAL.matcher(tests.strip()).matches()) {
            return feel.evaluateSimpleUnaryTests(tests, inputName, variables);
        }
        var key = new InputTest(tests, value.getClass(), value);
        var known = inputTests.get(key);
        if (known != null) {
            return known;
        }
        var result = feel.evaluateSimpleUnaryTests(tests, inputName, variables);
        remember(inputTests, key, result);
        return result;
    }

    private static <K, V> void remember(Map<K, V> results, K key, V value) {
        if (results.size() >= MOST) {
            results.clear();
        }
        results.put(key, value);
    }

    private record InputTest(String tests, Class<?> type, Object value) {}
}
