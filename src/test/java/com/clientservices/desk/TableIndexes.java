package com.clientservices.desk;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** The indexes of a table as the database reports them, for tests of the indexes the desk creates at start. */
public final class TableIndexes {

    private TableIndexes() {}

    /** Each indexed column of {@code table} as {@code index:column}, both in lower case. */
    public static List<String> of(DataSource dataSource, String table) throws SQLException {
        var indexed = new ArrayList<String>();
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            var name =
                    meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table.toUpperCase(Locale.ROOT);
            try (var rows = meta.getIndexInfo(null, null, name, false, false)) {
                while (rows.next()) {
                    var column = rows.getString("COLUMN_NAME");
                    if (column != null) {
                        indexed.add(rows.getString("INDEX_NAME").toLowerCase(Locale.ROOT) + ":"
                                + column.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return indexed;
    }
}
