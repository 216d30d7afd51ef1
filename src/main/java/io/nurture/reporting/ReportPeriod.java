package io.nurture.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import io.nurture.web.InvalidInputException;

/** A report's period: whole UTC days from {@code from} to {@code to}, both included. */
record ReportPeriod(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 3660;
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /** Parses {@code ?from=&to=} (ISO dates); a missing end is today, a missing start {@code defaultDays} before. */
    static ReportPeriod parse(String from, String to, int defaultDays, Clock clock) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(clock) : date("to", to);
        if (end.isBefore(EARLIEST) || end.isAfter(LATEST)) {
            throw new InvalidInputException("The period must lie between " + EARLIEST + " and " + LATEST);
        }
        LocalDate start = from == null || from.isBlank() ? end.minusDays(defaultDays - 1L) : date("from", from);
        if (start.isAfter(end)) {
            throw new InvalidInputException("'from' (" + start + ") must not be after 'to' (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new InvalidInputException("The period may span at most " + MAX_DAYS + " days");
        }
        // what the database's timestamps hold (PostgreSQL: 4713 BC to 294276 AD), and no event is older than 2000
        if (start.isBefore(EARLIEST)) {
            throw new InvalidInputException("The period must lie between " + EARLIEST + " and " + LATEST);
        }
        return new ReportPeriod(start, end);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("'" + name + "' must be a date like 2026-11-01, not '" + value + "'");
        }
    }

    Timestamp start() {
        return Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Exclusive end: the start of the day after {@code to}. */
    Timestamp end() {
        return Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
