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
    void quotesWhatNeedsQuotingAndLeavesNullsEmpty() {
        String csv = CsvMessageConverter.toCsv(new Table(List.of(
                Arrays.asList("plain", 1),
                Arrays.asList("with, comma", -2.5),
                Arrays.asList("say \"hi\"", null),
                Arrays.asList("two\nlines", 0))));

        assertThat(csv).isEqualTo("name,value\r\nplain,1\r\n\"with, comma\",-2.5\r\n\"say \"\"hi\"\"\",\r\n"
                + "\"two\nlines\",0\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        String csv = CsvMessageConverter.toCsv(new Table(List.of(Arrays.asList("=HYPERLINK(\"x\")", -1),
                Arrays.asList("@SUM(A1)", 2))));

        assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\")\",-1").contains("'@SUM(A1),2");
    }
}
