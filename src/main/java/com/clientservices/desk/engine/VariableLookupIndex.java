package com.clientservices.desk.engine;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps H2 reading an execution's variables by the execution. The engine loads them with
 * {@code EXECUTION_ID_ = ? and TASK_ID_ is null} each time a step sets a variable. H2 plans a statement
 * when a connection first prepares it and keeps the plan for the connection's life, or until the schema
 * changes (QUERY_CACHE_SIZE in application.yml; so this index also mends plans already made). On a new
 * database, with the table empty, it ranks the engine's index on {@code TASK_ID_} (created first, and
 * null for nearly every variable) equal to the one on {@code EXECUTION_ID_} and takes it, so every such
 * load then read every variable of every open ticket. An index on both columns wins whatever the table
 * holds. PostgreSQL plans with the values and keeps the engine's index on the execution.
 */
@Component
class VariableLookupIndex {

    static final String NAME = "desk_idx_variable_execution";
    static final String DEFINITION = "act_ru_variable (execution_id_, task_id_)";

    private final EngineTableIndexes indexes;
    private final EngineDatabase database;

    VariableLookupIndex(EngineTableIndexes indexes, EngineDatabase database) {
        this.indexes = indexes;
        this.database = database;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void create() {
        if (!database.postgres()) {
            indexes.ensure(NAME, DEFINITION, "loading an execution's variables");
        }
    }
}
