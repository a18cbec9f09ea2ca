package com.clientservices.desk.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Which database the desk runs on, as the engine determined it when it started: the one answer for the few things
 * the desk does only on PostgreSQL (planner statistics, concurrent index builds, plans for a query's values).
 */
@Component
public class EngineDatabase {

    private static final String POSTGRES = "postgres";

    private final ProcessEngine engine;

    EngineDatabase(ProcessEngine engine) {
        this.engine = engine;
    }

    public boolean postgres() {
        return postgres((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
    }

    /** The same answer for an engine plugin, which runs before the engine is built. */
    static boolean postgres(ProcessEngineConfigurationImpl configuration) {
        return POSTGRES.equals(configuration.getDatabaseType());
    }
}
