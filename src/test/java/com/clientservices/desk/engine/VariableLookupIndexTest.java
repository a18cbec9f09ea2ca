package com.clientservices.desk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientservices.desk.DeskTest;
import com.clientservices.desk.TableIndexes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * H2 loads an execution's variables through the desk's index on the execution, even with a plan made when the
 * variable table was empty, as every plan of a new database's connections is (engine.VariableLookupIndex).
 */
@DeskTest
class VariableLookupIndexTest {

    /** How the engine loads an execution's variables (selectVariablesByExecutionId, VariableInstance.xml). */
    private static final String LOAD_VARIABLES = """
            select RES.* from ACT_RU_VARIABLE RES
            left join ACT_RU_EXECUTION EXECUTION on RES.EXECUTION_ID_ = EXECUTION.ID_
            left join ACT_RU_EXECUTION PARENT_EXECUTION on EXECUTION.PARENT_ID_ = PARENT_EXECUTION.ID_
            where EXECUTION_ID_ = ? and TASK_ID_ is null""";

    @Autowired
    DataSource dataSource;

    @Autowired
    EngineDatabase database;

    @Test
    void theVariableTableHasTheIndexAfterStartOnH2Only() throws Exception {
        var indexes = TableIndexes.of(dataSource, "act_ru_variable");
        if (database.postgres()) {
            assertThat(indexes).noneMatch(index -> index.startsWith(VariableLookupIndex.NAME + ":"));
        } else {
            assertThat(indexes)
                    .contains(VariableLookupIndex.NAME + ":execution_id_", VariableLookupIndex.NAME + ":task_id_");
        }
    }

    @Test
    void aNewH2DatabasePlansTheLoadOnTheTaskIndexWithoutTheDesksIndexAndOnTheExecutionWithIt() throws Exception {
        try (var connection =
                DriverManager.getConnection("jdbc:h2:mem:variable-lookup-" + System.nanoTime(), "sa", "")) {
            ScriptUtils.executeSqlScript(
                    connection,
                    new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.h2.create.engine.sql"));

            assertThat(plan(connection))
                    .as("the engine's own indexes, table empty: the cause")
                    .contains("ACT_IDX_VARIABLE_TASK_ID");

            connection
                    .createStatement()
                    .execute("create index " + VariableLookupIndex.NAME + " on " + VariableLookupIndex.DEFINITION);
            assertThat(plan(connection)).contains(VariableLookupIndex.NAME.toUpperCase(Locale.ROOT));
        }
    }

    private static String plan(Connection connection) throws SQLException {
        try (var explain = connection.prepareStatement("explain " + LOAD_VARIABLES)) {
            explain.setString(1, "an-execution");
            try (var rows = explain.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
