package com.clientservices.desk.engine;

import java.util.ArrayList;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Replaces one of the engine's managers for every command: the engine opens its managers as sessions by type,
 * and a custom session factory for a type takes the place of the engine's own.
 */
final class EngineSessions {

    private EngineSessions() {}

    /** From now on, every command that asks for {@code type} gets a new one from {@code opening}. */
    static void replace(
            ProcessEngineConfigurationImpl configuration, Class<?> type, Supplier<? extends Session> opening) {
        var factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<SessionFactory>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return opening.get();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }
}
