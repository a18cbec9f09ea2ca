package com.clientservices.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import com.clientservices.desk.TableIndexes;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The heat map's history indexes (docs/specification.md §14) exist after start, and starting again keeps them. */
@DeskTest
class HeatMapIndexesTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    HeatMapIndexes indexes;

    @Test
    void theHistoryHasTheHeatMapsIndexesAfterStartAndAgainAfterASecondStart() throws Exception {
        indexes.create();
        assertThat(TableIndexes.of(dataSource, "act_hi_procinst"))
                .contains(
                        "desk_idx_hi_procinst_heat:business_key_",
                        "desk_idx_hi_procinst_heat:proc_def_key_",
                        "desk_idx_hi_procinst_heat:id_");
        assertThat(TableIndexes.of(dataSource, "act_hi_actinst"))
                .contains(
                        "desk_idx_hi_actinst_heat:proc_inst_id_",
                        "desk_idx_hi_actinst_heat:act_id_",
                        "desk_idx_hi_actinst_heat:duration_");
    }
}
