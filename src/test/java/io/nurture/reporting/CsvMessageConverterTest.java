package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvMessageConverterTest {

    record Table(List<List<Object>> csvRows) implements Tabular {

        @Override
        public List<String> csvHeader() {
            return List.of("name", "value");
        }

        @Override
        public String csvName() {
            return "table";
        }
    }

    @Test
    void quotesEveryCellAndLeavesNullsEmpty() {
        String csv = CsvMessageConverter.toCsv(new Table(List.of(
                Arrays.asList("plain", 1),
                Arrays.asList("with, comma", -2.5),
                Arrays.asList("say \"hi\"", null),
                Arrays.asList("two\nlines", 0),
                Arrays.asList("semi;colon", "tab\there"))));

        assertThat(csv).isEqualTo("\"name\",\"value\"\r\n\"plain\",\"1\"\r\n\"with, comma\",\"-2.5\"\r\n"
                + "\"say \"\"hi\"\"\",\"\"\r\n\"two\nlines\",\"0\"\r\n\"semi;colon\",\"tab\there\"\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        String csv = CsvMessageConverter.toCsv(new Table(List.of(Arrays.asList("=HYPERLINK(\"x\")", -1),
                Arrays.asList("@SUM(A1)", 2), Arrays.asList("\t=1+1", 3))));

        assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\")\",\"-1\"").contains("\"'@SUM(A1)\",\"2\"")
                .contains("\"'\t=1+1\",\"3\"");
    }
}
