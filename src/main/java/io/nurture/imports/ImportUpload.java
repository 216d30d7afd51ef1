package io.nurture.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

import io.nurture.web.InvalidInputException;

/**
 * Reads an upload once as it arrives: strict UTF-8 (a BOM is dropped), stored in parts on the way, the header read
 * with the mapping, the data rows counted. What makes the whole file unusable is refused here; a bad row is refused
 * later, by itself.
 */
final class ImportUpload {

    /** Characters per stored part. */
    static final int PART_LENGTH = 1_000_000;

    private ImportUpload() {
    }

    record Scanned(ImportColumns columns, int rows) {
    }

    static Scanned scan(InputStream upload, ImportMapping mapping, ImportProperties limits,
            BiConsumer<Integer, String> parts) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CsvReader csv = new CsvReader(new BufferedReader(new PartWritingReader(
                new InputStreamReader(upload, decoder), PART_LENGTH, parts), 64 * 1024), limits.maxColumns() + 1,
                ImportProperties.MAX_FIELD_LENGTH);
        int rows = 0;
        try {
            CsvReader.Record header = csv.next();
            if (header == null || header.isBlank()) {
                throw new InvalidInputException("file: the file is empty; its first row names the columns");
            }
            if (header.tooManyColumns(limits.maxColumns())) {
                throw new InvalidInputException("file: the header has " + header.columns() + " columns, at most "
                        + limits.maxColumns() + " are read");
            }
            if (header.fieldTooLong() || header.unterminatedQuote()) {
                throw new InvalidInputException("file: the header row has a column name of more than "
                        + ImportProperties.MAX_FIELD_LENGTH + " characters or an open quote");
            }
            ImportColumns columns = ImportColumns.of(header.fields(), header.columns(), mapping);
            for (CsvReader.Record record = csv.next(); record != null; record = csv.next()) {
                if (!record.isBlank() && ++rows > limits.maxRows()) {
                    throw new UploadTooLargeException("file: more than " + limits.maxRows()
                            + " rows (nurture.imports.max-rows); split the file");
                }
            }
            return new Scanned(columns, rows);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new InvalidInputException("file: not UTF-8 text (after row " + (rows + 1)
                        + "); save the CSV as UTF-8");
            }
            throw new InvalidInputException("file: the upload could not be read to its end");
        }
    }

    static void close(InputStream upload) {
        try {
            upload.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
