package io.nurture.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nurture.imports.ImportStore.RowError;

class ErrorsCsvTest {

    @Test
    void cellsAStartingFormulaCharacterWouldRunAreDefused() {
        String csv = ErrorsCsv.of(List.of(new RowError(2, "=HYPERLINK(\"http://evil\")", "email: bad"),
                new RowError(3, "+1", "-x"), new RowError(4, "@SUM(A1)", "\tx"), new RowError(5, null, "ok")));

        assertThat(csv.split("\r\n")).containsExactly("row,email,reason",
                "2,\"'=HYPERLINK(\"\"http://evil\"\")\",\"email: bad\"", "3,\"'+1\",\"'-x\"",
                "4,\"'@SUM(A1)\",\"'\tx\"", "5,,\"ok\"");
    }
}
