package io.nurture.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.nurture.imports.CsvReader.Record;

class CsvReaderTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksInside() {
        List<Record> records = all("email,note\r\n\"ada@example.com\",\"Hello, \"\"world\"\"\r\nsecond line\"\r\n"
                + "bob@example.com,plain\n");

        assertThat(records).hasSize(3);
        assertThat(records.get(1).fields()).containsExactly("ada@example.com", "Hello, \"world\"\r\nsecond line");
        assertThat(records.get(2).fields()).containsExactly("bob@example.com", "plain");
    }

    @Test
    void dropsALeadingBomAndReadsALastRowWithoutLineBreak() {
        List<Record> records = all("\uFEFFemail,name\nada@example.com,Ada");

        assertThat(records.get(0).fields()).containsExactly("email", "name");
        assertThat(records.get(1).fields()).containsExactly("ada@example.com", "Ada");
    }

    @Test
    void emptyFieldsAndBlankLinesAreKept() {
        List<Record> records = all("a,b,c\n,,\n\nx,,\"\"\n");

        assertThat(records.get(1).fields()).containsExactly("", "", "");
        assertThat(records.get(2).isBlank()).isTrue();
        assertThat(records.get(3).fields()).containsExactly("x", "", "");
    }

    @Test
    void aRowOfHundredThousandColumnsKeepsOnlyTheFirstOnes() {
        List<Record> records = all("email\n" + "a,".repeat(100_000) + "\nnext@example.com\n");

        Record wide = records.get(1);
        assertThat(wide.fields()).hasSize(201);
        assertThat(wide.columns()).isEqualTo(100_001);
        assertThat(wide.tooManyColumns(200)).isTrue();
        assertThat(records.get(2).fields()).containsExactly("next@example.com");
    }

    @Test
    void aFieldOfMegabytesIsCutAndMarked() {
        List<Record> records = all("email,note\nada@example.com,\"" + "x".repeat(5_000_000) + "\"\nb@example.com,ok\n");

        assertThat(records.get(1).fields().get(1)).hasSize(1_000);
        assertThat(records.get(1).fieldTooLong()).isTrue();
        assertThat(records.get(2).fieldTooLong()).isFalse();
    }

    @Test
    void aQuoteNeverClosedEndsTheFileAsOneMarkedRecord() {
        List<Record> records = all("email,note\nada@example.com,\"open\nb@example.com,x\n");

        assertThat(records).hasSize(2);
        assertThat(records.get(1).unterminatedQuote()).isTrue();
    }

    private static List<Record> all(String csv) {
        Reader in = new StringReader(csv);
        CsvReader reader = new CsvReader(in, 201, 1_000);
        List<Record> records = new ArrayList<>();
        for (Record record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }
}
