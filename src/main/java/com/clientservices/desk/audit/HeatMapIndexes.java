package com.clientservices.desk.audit;

import com.clientservices.desk.engine.EngineTableIndexes;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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

    /** Each index's name and what it covers. */
    static final List<String[]> INDEXES = List.of(
            new String[] {"desk_idx_hi_procinst_heat", "act_hi_procinst (business_key_, proc_def_key_, id_)"},
            new String[] {"desk_idx_hi_actinst_heat", "act_hi_actinst (proc_inst_id_, act_id_, duration_)"});

    private final EngineTableIndexes indexes;

    HeatMapIndexes(EngineTableIndexes indexes) {
        this.indexes = indexes;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void create() {
        for (var index : INDEXES) {
            indexes.ensure(index[0], index[1], "the heat map");
        }
    }
}
