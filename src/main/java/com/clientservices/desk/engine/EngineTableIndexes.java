package com.clientservices.desk.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes of the desk's own on the engine's tables, created at start where missing. On PostgreSQL an
 * index is built concurrently, so a large table is indexed without holding up the engine's writes; a
 * concurrent build that failed leaves an invalid index behind, which is dropped and built again. A node
 * that may not create it (not the table's owner, or another node building it at the same moment) logs
 * it and works, only slower.
 */
@Component
public class EngineTableIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(EngineTableIndexes.class);

    private final JdbcTemplate jdbc;
    private final EngineDatabase database;

    EngineTableIndexes(JdbcTemplate jdbc, EngineDatabase database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * Creates index {@code name} on {@code definition} ({@code "act_ru_job (duedate_)"}) unless it exists;
     * {@code purpose} says in the log what is slower without it.
     */
    public void ensure(String name, String definition, String purpose) {
        try {
            if (database.postgres()) {
                var invalid = jdbc.queryForObject(
                        "select count(*) from pg_class c join pg_index i on i.indexrelid = c.oid"
                                + " where c.relname = ? and not i.indisvalid",
                        Long.class,
                        name);
                if (invalid != null && invalid > 0) {
                    jdbc.execute("drop index concurrently if exists " + name);
                }
                jdbc.execute("create index concurrently if not exists " + name + " on " + definition);
            } else {
                jdbc.execute("create index if not exists " + name + " on " + definition);
            }
        } catch (DataAccessException e) {
            LOG.warn("Could not create the index {} ({} works, only slower): {}", name, purpose, e.getMessage());
        }
    }
}
