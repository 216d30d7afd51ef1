package io.nurture.reporting;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Writes any {@link Tabular} report as RFC 4180 CSV, every cell quoted, when the client asks for {@code text/csv}. */
class CsvMessageConverter extends AbstractHttpMessageConverter<Tabular> {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    CsvMessageConverter() {
        super(TEXT_CSV);
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return Tabular.class.isAssignableFrom(clazz);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Tabular readInternal(Class<? extends Tabular> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is an output format only", input);
    }

    @Override
    protected void writeInternal(Tabular table, HttpOutputMessage output) throws IOException {
        output.getHeaders().set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + table.csvName() + ".csv\"");
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        writer.write(toCsv(table));
        writer.flush();
    }

    static String toCsv(Tabular table) {
        StringBuilder csv = new StringBuilder(line(List.copyOf(table.csvHeader())));
        table.csvRows().forEach(row -> csv.append(line(row)));
        return csv.toString();
    }

    private static String line(List<?> cells) {
        return cells.stream().map(CsvMessageConverter::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    /**
     * Every cell quoted: spreadsheets in locales whose separator is ';' or a tab would otherwise split cells that
     * hold one.
     */
    private static String cell(Object value) {
        if (value == null) {
            return "\"\"";
        }
        String text = value.toString();
        if (value instanceof CharSequence && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text; // a spreadsheet must not run a contact's company name as a formula
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
