package io.nurture.imports;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.nurture.contact.ContactProfile;
import io.nurture.contact.ContactRepository;
import io.nurture.contact.PropertyValues;
import io.nurture.web.InvalidInputException;

/**
 * The header row read with the mapping: which column fills which field or custom property. Then each data row read
 * into an e-mail, a profile and custom properties, or refused with the reason, naming the column. A property cell
 * that reads as a number (25, -3.5; no leading zero, at most 15 digits before the point) is stored as a number,
 * true or false as a flag, anything else as text; an empty cell leaves the property as it is.
 */
final class ImportColumns {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final List<String> YES = List.of("yes", "y", "true", "1", "x", "opt-in", "opted in", "ja", "oui");
    private static final List<String> NO = List.of("no", "n", "false", "0", "opt-out", "opted out", "nein", "non");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,15})?");

    private final Map<ImportField, Integer> index;
    private final Map<ImportField, String> headers;
    private final Map<String, Integer> propertyIndex;
    private final Map<String, String> propertyHeaders;
    private final int columns;

    private ImportColumns(Map<ImportField, Integer> index, Map<ImportField, String> headers,
            Map<String, Integer> propertyIndex, Map<String, String> propertyHeaders, int columns) {
        this.index = index;
        this.headers = headers;
        this.propertyIndex = propertyIndex;
        this.propertyHeaders = propertyHeaders;
        this.columns = columns;
    }

    static ImportColumns of(List<String> header, int headerColumns, ImportMapping mapping) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(ImportMapping.comparable(header.get(i)), i);
        }
        Map<ImportField, String> named = mapping.named();
        Map<ImportField, Integer> index = new EnumMap<>(ImportField.class);
        Map<ImportField, String> headers = new EnumMap<>(ImportField.class);
        for (ImportField field : ImportField.values()) {
            String wanted = named.getOrDefault(field, field.field());
            Integer column = byName.get(ImportMapping.comparable(wanted));
            if (column == null && named.containsKey(field)) {
                throw new InvalidInputException("mapping." + field.field() + ": the file has no column '"
                        + shortened(wanted) + "'");
            }
            if (column != null) {
                index.put(field, column);
                headers.put(field, header.get(column));
            }
        }
        if (!index.containsKey(ImportField.EMAIL)) {
            throw new InvalidInputException("mapping.email: the file has no e-mail column; name it in the mapping"
                    + " or call it 'email'");
        }
        Map<String, Integer> propertyIndex = new LinkedHashMap<>();
        Map<String, String> propertyHeaders = new LinkedHashMap<>();
        mapping.properties().forEach((key, wanted) -> {
            Integer column = byName.get(ImportMapping.comparable(wanted));
            if (column == null) {
                throw new InvalidInputException("mapping.properties." + key + ": the file has no column '"
                        + shortened(wanted) + "'");
            }
            propertyIndex.put(key, column);
            propertyHeaders.put(key, header.get(column));
        });
        return new ImportColumns(index, headers, propertyIndex, propertyHeaders, headerColumns);
    }

    boolean fillsProperties() {
        return !propertyIndex.isEmpty();
    }

    /** A data row: an e-mail and a profile, or why it is refused. */
    sealed interface Row permits Valid, Refused {
        int number();
    }

    record Valid(int number, String email, ContactProfile profile, PropertyValues properties) implements Row {
    }

    record Refused(int number, String email, String reason) implements Row {
    }

    Row read(int number, CsvReader.Record record, int maxColumns) {
        String emailCell = cell(record, ImportField.EMAIL).map(ImportColumns::shortenedEmail).orElse(null);
        if (record.unterminatedQuote()) {
            return new Refused(number, emailCell, "a quoted field is not closed before the end of the file");
        }
        if (record.tooManyColumns(maxColumns) || record.columns() > columns) {
            return new Refused(number, emailCell, "the row has " + record.columns() + " columns, the header "
                    + columns);
        }
        try {
            return new Valid(number, email(record), profile(record), properties(record));
        } catch (InvalidInputException refusal) {
            return new Refused(number, emailCell, refusal.getMessage());
        }
    }

    private String email(CsvReader.Record record) {
        String email = text(record, ImportField.EMAIL);
        if (email == null) {
            throw refusal(ImportField.EMAIL, "is empty");
        }
        if (!EMAIL.matcher(email).matches()) {
            throw refusal(ImportField.EMAIL, "is not an e-mail address");
        }
        return ContactRepository.normalizeEmail(email);
    }

    private ContactProfile profile(CsvReader.Record record) {
        String country = text(record, ImportField.COUNTRY);
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw refusal(ImportField.COUNTRY, "must be a two-letter ISO country code");
        }
        return new ContactProfile(text(record, ImportField.FIRST_NAME), text(record, ImportField.LAST_NAME),
                text(record, ImportField.COMPANY), text(record, ImportField.INDUSTRY),
                companySize(text(record, ImportField.COMPANY_SIZE)),
                country == null ? null : country.toUpperCase(Locale.ROOT), text(record, ImportField.SOURCE),
                text(record, ImportField.PHONE), consent(record, ImportField.CONSENT_EMAIL),
                consent(record, ImportField.CONSENT_SMS));
    }

    private PropertyValues properties(CsvReader.Record record) {
        if (propertyIndex.isEmpty()) {
            return PropertyValues.NONE;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        propertyIndex.forEach((key, column) -> {
            String cell = column < record.fields().size() ? record.fields().get(column).strip() : "";
            if (!cell.isEmpty()) {
                values.put(key, PropertyValues.checkedValue("properties." + key + " (column '"
                        + shortened(propertyHeaders.get(key)) + "')", typed(cell)));
            }
        });
        return values.isEmpty() ? PropertyValues.NONE : new PropertyValues("properties", values);
    }

    private static Object typed(String cell) {
        if (cell.equalsIgnoreCase("true") || cell.equalsIgnoreCase("false")) {
            return Boolean.valueOf(cell);
        }
        return NUMBER.matcher(cell).matches() ? (Object) Double.valueOf(cell) : cell;
    }

    private Integer companySize(String size) {
        if (size == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(size.replace("_", "").replace(" ", ""));
            if (parsed < 0) {
                throw refusal(ImportField.COMPANY_SIZE, "must not be negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw refusal(ImportField.COMPANY_SIZE, "must be a whole number");
        }
    }

    private Boolean consent(CsvReader.Record record, ImportField field) {
        String value = text(record, field);
        if (value == null) {
            return null;
        }
        String answer = value.toLowerCase(Locale.ROOT);
        if (YES.contains(answer)) {
            return true;
        }
        if (NO.contains(answer)) {
            return false;
        }
        throw refusal(field, "must be yes or no (also true/false, 1/0, y/n, x or empty)");
    }

    /** The cell, stripped; null when empty. Refused when too long or holding control characters. */
    private String text(CsvReader.Record record, ImportField field) {
        Optional<String> cell = cell(record, field);
        if (cell.isEmpty() || cell.get().isBlank()) {
            return null;
        }
        String value = cell.get().strip();
        if (value.length() > field.maxLength() || record.fieldTooLong() && value.length() >= field.maxLength()) {
            throw refusal(field, "must be at most " + field.maxLength() + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw refusal(field, "must not contain control characters or line breaks");
        }
        return value;
    }

    private Optional<String> cell(CsvReader.Record record, ImportField field) {
        Integer column = index.get(field);
        return column == null || column >= record.fields().size() ? Optional.empty()
                : Optional.of(record.fields().get(column));
    }

    private InvalidInputException refusal(ImportField field, String problem) {
        return new InvalidInputException(field.field() + " (column '" + shortened(headers.get(field)) + "') "
                + problem);
    }

    private static String shortenedEmail(String cell) {
        String stripped = cell.strip();
        return stripped.length() > 320 ? stripped.substring(0, 320) : stripped;
    }

    static String shortened(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
