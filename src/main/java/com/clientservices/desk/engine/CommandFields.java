package com.clientservices.desk.engine;

import java.util.Optional;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * Reads what a user asked the engine to do from the engine's command object (the task, the
 * variables, the user to assign). A command interceptor sees only the command, and the engine's
 * command classes keep these values in protected fields without getters, so this reads them by
 * name, looking up the class hierarchy. A field that an engine upgrade renames reads as empty,
 * which the callers treat as "refuse" wherever a check depends on it.
 */
public final class CommandFields {

    private CommandFields() {}

    public static Optional<Object> read(Command<?> command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                var field = type.getDeclaredField(name);
                field.setAccessible(true);
                return Optional.ofNullable(field.get(command));
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (IllegalAccessException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public static String string(Command<?> command, String name) {
        return read(command, name).map(String::valueOf).orElse(null);
    }
}
