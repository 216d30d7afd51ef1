package io.nurture.handoff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nurture.handoff.sdr-sla.*}: how many business days (Monday to Friday, in {@code zone}) an SDR has to work a
 * new MQL before the reminder and the escalation to {@code sdr-lead}, and after how many the task goes back to the
 * pool.
 */
@ConfigurationProperties("nurture.handoff.sdr-sla")
record SdrSla(@DefaultValue("1") int dueBusinessDays, @DefaultValue("2") int returnToPoolBusinessDays,
        @DefaultValue("UTC") ZoneId zone) {

    SdrSla {
        if (dueBusinessDays < 1 || returnToPoolBusinessDays <= dueBusinessDays) {
            throw new IllegalStateException("nurture.handoff.sdr-sla: due-business-days must be at least 1 and"
                    + " return-to-pool-business-days greater than it, were " + dueBusinessDays + " and "
                    + returnToPoolBusinessDays);
        }
    }

    Date dueDate(Instant from) {
        return plusBusinessDays(from, dueBusinessDays);
    }

    Date returnToPoolDate(Instant from) {
        return plusBusinessDays(from, returnToPoolBusinessDays);
    }

    private Date plusBusinessDays(Instant from, int days) {
        ZonedDateTime at = from.atZone(zone);
        for (int added = 0; added < days;) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return Date.from(at.toInstant());
    }
}
