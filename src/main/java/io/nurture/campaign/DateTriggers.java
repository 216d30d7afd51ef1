package io.nurture.campaign;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

import io.nurture.campaign.ContactDates.ContactDate;
import io.nurture.process.ProcessVariables;

/**
 * Date triggers from {@code nurture.campaigns.date-triggers.NAME} ({@code annual}, {@code days-before}): a
 * {@code date-triggered} instance once per contact and occurrence. A date missed (app down, contact busy in another
 * instance) still fires within a week.
 */
@Service
class DateTriggers {

    static final String PROCESS_KEY = "date-triggered";
    private static final int CATCH_UP_DAYS = 7;

    record Rule(boolean annual, int daysBefore) {
    }

    private final Map<String, Rule> rules;
    private final ContactDates dates;
    private final CampaignEnrolment enrolment;

    DateTriggers(Environment environment, ContactDates dates, CampaignEnrolment enrolment) {
        this.rules = Binder.get(environment).bind("nurture.campaigns.date-triggers",
                Bindable.mapOf(String.class, Rule.class)).orElse(Map.of());
        this.dates = dates;
        this.enrolment = enrolment;
    }

    int fire(LocalDate today) {
        int started = 0;
        for (ContactDate date : dates.named(rules.keySet())) {
            Rule rule = rules.get(date.name());
            for (LocalDate occurrence : occurrences(date.date(), rule.annual(), today)) {
                LocalDate due = occurrence.minusDays(rule.daysBefore());
                boolean inWindow = !today.isBefore(due) && today.isBefore(due.plusDays(CATCH_UP_DAYS));
                Map<String, Object> variables = Map.of(ProcessVariables.DATE_NAME, date.name(),
                        ProcessVariables.DATE, occurrence.toString());
                if (inWindow && !dates.hasFired(date, occurrence)
                        && enrolment.enrol(PROCESS_KEY, date.contactId(), variables)) {
                    dates.markFired(date, occurrence);
                    started++;
                }
            }
        }
        return started;
    }

    /**
     * An annual date's anniversaries last year, this year and next year, so that a window that spans New Year is
     * found from either side; 29 February falls on the 28th in other years.
     */
    private static List<LocalDate> occurrences(LocalDate date, boolean annual, LocalDate today) {
        if (!annual) {
            return List.of(date);
        }
        MonthDay monthDay = MonthDay.from(date);
        return List.of(monthDay.atYear(today.getYear() - 1), monthDay.atYear(today.getYear()),
                monthDay.atYear(today.getYear() + 1));
    }
}
