package com.clientservices.desk.engine;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable the desk's Java code reads or writes: its name, as the models and forms
 * spell it, and its type, so that no caller casts what the engine returns or chooses how a value
 * is stored. The names themselves are listed in {@link ProcessVariables}.
 *
 * @param <T> the type the desk works with
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Function<Object, T> read;
    private final Function<T, Object> write;

    private ProcessVariable(String name, Function<Object, T> read, Function<T, Object> write) {
        this.name = name;
        this.read = read;
        this.write = write;
    }

    static ProcessVariable<String> text(String name) {
        return new ProcessVariable<>(name, String.class::cast, value -> value);
    }

    static ProcessVariable<Boolean> flag(String name) {
        return new ProcessVariable<>(name, Boolean.class::cast, value -> value);
    }

    static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type::cast, value -> value);
    }

    /** A whole number; the engine may hand back an {@code Integer} for what was written as a {@code Long}. */
    static ProcessVariable<Long> number(String name) {
        return new ProcessVariable<>(
                name, value -> value == null ? null : ((Number) value).longValue(), value -> value);
    }

    /**
     * A point in time the models hand to {@code camunda:dueDate}, a timer or a message: stored as
     * ISO-8601 text with its offset, so the engine reads it as a date and a person reads it in
     * the zone it was written in.
     */
    static ProcessVariable<OffsetDateTime> time(String name) {
        return new ProcessVariable<>(
                name,
                value -> value == null ? null : OffsetDateTime.parse((String) value),
                value -> value == null ? null : value.toString());
    }

    public String name() {
        return name;
    }

    public T get(VariableScope scope) {
        return read.apply(scope.getVariable(name));
    }

    /** The value on this scope only, such as an activity's input parameter. */
    public T getLocal(VariableScope scope) {
        return read.apply(scope.getVariableLocal(name));
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, write.apply(value));
    }

    /** The value on this scope only, such as a task's own variable. */
    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, write.apply(value));
    }

    public void remove(VariableScope scope) {
        scope.removeVariable(name);
    }

    /** Adds the value to variables about to be handed to the engine (a process start, a message). */
    public void put(Map<String, Object> variables, T value) {
        variables.put(name, write.apply(value));
    }

    @Override
    public String toString() {
        return name;
    }
}
