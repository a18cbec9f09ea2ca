package com.clientservices.desk.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * A ticket's timeline for an auditor's own tools (docs/specification.md §14): each entry with its recorded codes and
 * ISO time beside the words the page shows, as JSON or as CSV that a spreadsheet opens safely.
 */
final class TimelineExport {

    static final String CSV_HEADER = "at,when,type,what,actor,who,description,details";

    private TimelineExport() {}

    record Row(
            String at,
            String when,
            String type,
            String what,
            String actor,
            String who,
            String description,
            String details) {}

    static List<Row> rows(List<TimelineEntry> entries, List<TimelineInWords.Line> lines) {
        var rows = new ArrayList<Row>();
        for (var i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            var line = lines.get(i);
            rows.add(new Row(
                    entry.at() == null ? "" : entry.at().toString(),
                    line.when(),
                    entry.type(),
                    line.what(),
                    entry.actor() == null ? "" : entry.actor(),
                    line.who(),
                    entry.description() == null ? "" : entry.description(),
                    line.details()));
        }
        return rows;
    }

    static String csv(List<Row> rows) {
        var csv = new StringBuilder(CSV_HEADER).append("\r\n");
        for (var row : rows) {
            csv.append(String.join(
                            ",",
                            cell(row.at()),
                            cell(row.when()),
                            cell(row.type()),
                            cell(row.what()),
                            cell(row.actor()),
                            cell(row.who()),
                            cell(row.description()),
                            cell(row.details())))
                    .append("\r\n");
        }
        return csv.toString();
    }

    /**
     * One CSV field (RFC 4180). Text a customer or agent wrote could start like a formula ({@code =HYPERLINK(…)}); a
     * spreadsheet would run it, so such a cell is prefixed with an apostrophe and shown as text.
     */
    static String cell(String value) {
        var text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
