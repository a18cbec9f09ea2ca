package com.clientservices.desk.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets the heat map (docs/specification.md §14) read the engine's history from indexes alone. It goes from the
 * tickets of a period to their lifecycle's process instance by business key and process key, and from there to
 * each step's activity instances and durations; the engine's own indexes find those rows but not the process key
 * or the durations, so every one was fetched from the wide history tables: tens of thousands of random reads for a
 * month of tickets. These indexes hold what the query reads, so PostgreSQL answers it with index-only scans.
 */
@Component
class HeatMapIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(HeatMapIndexes.class);

    /** Each index's name and what it covers. */
    static final List<String[]> INDEXES = List.of(
            new String[] {"desk_idx_hi_procinst_heat", "act_hi_procinst (business_key_, proc_def_key_, id_)"},
            new String[] {"desk_idx_hi_actinst_heat", "act_hi_actinst (proc_inst_id_, act_id_, duration_)"});

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    HeatMapIndexes(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void create() {
        // On PostgreSQL built without blocking the engine's history writes: a large history takes a while to index.
        var postgres = postgres();
        for (var index : INDEXES) {
            try {
                if (postgres) {
                    // A concurrent build that failed leaves an invalid index behind, which "if not exists" would keep.
                    var invalid = jdbc.queryForObject(
                            "select count(*) from pg_class c join pg_index i on i.indexrelid = c.oid"
                                    + " where c.relname = ? and not i.indisvalid",
                            Long.class,
                            index[0]);
                    if (invalid > 0) {
                        jdbc.execute("drop index concurrently if exists " + index[0]);
                    }
                    jdbc.execute("create index concurrently if not exists " + index[0] + " on " + index[1]);
                } else {
                    jdbc.execute("create index if not exists " + index[0] + " on " + index[1]);
                }
            } catch (DataAccessException e) {
                // Not the table's owner, or another node building it now: the heat map works, only slower.
                LOG.warn("Could not create the heat map's index {}: {}", index[0], e.getMessage());
            }
        }
    }

    private boolean postgres() {
        try (var connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }
}
