package com.clientservices.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A timeline cell opens in a spreadsheet as the text it is: quoted by RFC 4180, never run as a formula. */
class TimelineExportTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "plain words|plain words",
                "a, b|`\"a, b\"`",
                "`say \"hi\"`|`\"say \"\"hi\"\"\"`",
                "=1+2|'=1+2",
                "+1 555 0100|'+1 555 0100",
                "-2|'-2",
                "@SUM(A1)|'@SUM(A1)",
                "=HYPERLINK(\"x\", \"y\")|`\"'=HYPERLINK(\"\"x\"\", \"\"y\"\")\"`",
                "New → Acknowledged|New → Acknowledged"
            })
    void aCellIsQuotedWhenItMustBeAndAFormulaIsKeptAsText(String value, String cell) {
        assertThat(TimelineExport.cell(value)).isEqualTo(cell);
    }

    @Test
    void aCellWithALineBreakIsQuotedSoTheRowStaysOneRecord() {
        assertThat(TimelineExport.cell("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(TimelineExport.cell("line one\r\nline two")).isEqualTo("\"line one\r\nline two\"");
    }

    @Test
    void aCellStartingWithATabIsKeptAsText() {
        assertThat(TimelineExport.cell("\t=1+2")).isEqualTo("'\t=1+2");
    }
}
