package io.nurture.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: quoted fields with commas, quotes and line breaks inside, CRLF or LF, a leading BOM) one record
 * at a time, in bounded memory: a record keeps at most {@code maxColumns} fields of at most {@code maxFieldLength}
 * characters and only notes that it had more, so a row of 100k columns or a field of megabytes costs no more than a
 * normal row.
 */
final class CsvReader {

    private static final int BOM = '\uFEFF';

    private final Reader in;
    private final int maxColumns;
    private final int maxFieldLength;
    private int pushedBack = -2;
    private boolean started;
    private boolean ended;

    CsvReader(Reader in, int maxColumns, int maxFieldLength) {
        this.in = in;
        this.maxColumns = maxColumns;
        this.maxFieldLength = maxFieldLength;
    }

    /** One record: its fields, and whether it had more columns or longer fields than kept, or an open quote. */
    record Record(List<String> fields, int columns, boolean fieldTooLong, boolean unterminatedQuote) {

        boolean tooManyColumns(int max) {
            return columns > max;
        }

        boolean isBlank() {
            return columns == 1 && fields.get(0).isBlank();
        }
    }

    /** The next record, or null at the end of the text. */
    Record next() {
        if (ended) {
            return null;
        }
        int c = read();
        if (!started) {
            started = true;
            if (c == BOM) {
                c = read();
            }
        }
        if (c == -1) {
            ended = true;
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int columns = 0;
        boolean tooLong = false;
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (c == -1) {
                columns = keep(fields, field, columns);
                ended = true;
                return new Record(fields, columns, tooLong, quoted);
            }
            if (quoted) {
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        tooLong |= append(field, '"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = next;
                        continue;
                    }
                } else {
                    tooLong |= append(field, (char) c);
                }
            } else if (c == ',') {
                columns = keep(fields, field, columns);
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int next = read();
                    if (next != '\n') {
                        unread(next);
                    }
                }
                columns = keep(fields, field, columns);
                return new Record(fields, columns, tooLong, false);
            } else if (c == '"' && field.isEmpty() && !afterQuote) {
                quoted = true;
            } else {
                tooLong |= append(field, (char) c); // also text after a closing quote, as spreadsheets read it
            }
            c = read();
        }
    }

    private int keep(List<String> fields, StringBuilder field, int columns) {
        if (columns < maxColumns) {
            fields.add(field.toString());
        }
        return columns + 1;
    }

    /** Appends unless the field is full; true when it was. */
    private boolean append(StringBuilder field, char c) {
        if (field.length() >= maxFieldLength) {
            return true;
        }
        field.append(c);
        return false;
    }

    private int read() {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
