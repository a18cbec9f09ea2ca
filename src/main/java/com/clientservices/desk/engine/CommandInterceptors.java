package com.clientservices.desk.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Adds a command interceptor of the desk's in front of the engine's own, after those other plugins
 * added: the engine keeps one list, and each plugin that sets it must keep what is there.
 */
public final class CommandInterceptors {

    private CommandInterceptors() {}

    public static void append(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
        configuration.setCustomPreCommandInterceptorsTxRequired(
                with(configuration.getCustomPreCommandInterceptorsTxRequired(), interceptor));
    }

    /** As {@link #append}, but inside the command's context: the interceptor can reach its transaction. */
    public static void appendInContext(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
        configuration.setCustomPostCommandInterceptorsTxRequired(
                with(configuration.getCustomPostCommandInterceptorsTxRequired(), interceptor));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> present, CommandInterceptor interceptor) {
        var interceptors = present == null ? new ArrayList<CommandInterceptor>() : new ArrayList<>(present);
        interceptors.add(interceptor);
        return interceptors;
    }
}
