package com.clientservices.desk.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * A statement of the desk's own, run inside an engine command on the command's connection (so in its transaction
 * and, on PostgreSQL, under its plan setting), for the lookups that steer a query the engine is about to run.
 */
final class CommandStatements {

    private CommandStatements() {}

    /** The engine table's name as this engine writes it, with its configured prefix. */
    static String table(String name) {
        var prefix = Context.getProcessEngineConfiguration().getDatabaseTablePrefix();
        return (prefix == null ? "" : prefix) + name;
    }

    /** The first column of every row the statement answers, with these parameters. */
    static List<String> strings(String sql, String... parameters) {
        var connection =
                Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
        var values = new ArrayList<String>();
        try (var statement = connection.prepareStatement(sql)) {
            for (var i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("could not run " + sql, e);
        }
        return values;
    }
}
