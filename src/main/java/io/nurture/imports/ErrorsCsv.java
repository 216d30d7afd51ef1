package io.nurture.imports;

import java.util.List;

import io.nurture.imports.ImportStore.RowError;

/**
 * The refused rows as CSV. A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe, as OWASP advises, and every cell is quoted.
 */
final class ErrorsCsv {

    private ErrorsCsv() {
    }

    static String of(List<RowError> errors) {
        StringBuilder csv = new StringBuilder("row,email,reason\r\n");
        for (RowError error : errors) {
            csv.append(error.row()).append(',').append(cell(error.email())).append(',').append(cell(error.reason()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
