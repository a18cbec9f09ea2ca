package com.clientservices.desk.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Adds a command interceptor of the desk's in front of the engine's own, after those other plugins
 * added: the engine keeps one list, and each plugin that sets it must keep what is there.
 */
public final class CommandInterceptors {

    private CommandInterceptors() {}

    public static void append(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
        var interceptors = new ArrayList<CommandInterceptor>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(interceptor);
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** As {@link #append}, but inside the command's context: the interceptor can reach its transaction. */
    public static void appendInContext(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
        var interceptors = new ArrayList<CommandInterceptor>();
        if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
        }
        interceptors.add(interceptor);
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }
}
