package io.nurture.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import io.nurture.campaign.ContactDates.ContactDate;

/** Which occurrence of a contact's date fires on a given day, New Year included. */
class DateTriggersTest {

    private final ContactDates dates = mock(ContactDates.class);
    private final CampaignEnrolment enrolment = mock(CampaignEnrolment.class);
    private final DateTriggers triggers = new DateTriggers(new MockEnvironment()
            .withProperty("nurture.campaigns.date-triggers.birthday.annual", "true")
            .withProperty("nurture.campaigns.date-triggers.birthday.days-before", "0")
            .withProperty("nurture.campaigns.date-triggers.anniversary.annual", "true")
            .withProperty("nurture.campaigns.date-triggers.anniversary.days-before", "7")
            .withProperty("nurture.campaigns.date-triggers.renewal.annual", "false")
            .withProperty("nurture.campaigns.date-triggers.renewal.days-before", "7"), dates, enrolment);

    @BeforeEach
    void enrolmentsSucceed() {
        when(enrolment.enrol(any(), any(), anyMap())).thenReturn(true);
    }

    @Test
    void aBirthdayMissedJustBeforeNewYearIsCaughtUpInJanuary() {
        ContactDate birthday = date("birthday", "1990-12-30");

        assertThat(triggers.fire(LocalDate.parse("2027-01-02"))).isEqualTo(1);

        verify(enrolment).enrol(DateTriggers.PROCESS_KEY, "c1", Map.of("dateName", "birthday", "date", "2026-12-30"));
        verify(dates).markFired(birthday, LocalDate.parse("2026-12-30"));
    }

    @Test
    void aDateDueInDecemberForJanuaryFiresInDecember() {
        date("anniversary", "2015-01-03");
        assertThat(triggers.fire(LocalDate.parse("2026-12-28"))).isEqualTo(1);
        verify(enrolment).enrol(eq(DateTriggers.PROCESS_KEY), eq("c1"), eq(Map.of("dateName", "anniversary",
                "date", "2027-01-03")));
    }

    @Test
    void aOneOffDateFiresItsDaysBeforeAndNotAfterTheCatchUpWeek() {
        date("renewal", "2027-01-03");
        assertThat(triggers.fire(LocalDate.parse("2026-12-26"))).isZero();
        assertThat(triggers.fire(LocalDate.parse("2026-12-27"))).isEqualTo(1);
        assertThat(triggers.fire(LocalDate.parse("2027-01-03"))).as("a week after it was due").isZero();
    }

    @Test
    void anOccurrenceThatFiredDoesNotFireAgain() {
        ContactDate birthday = date("birthday", "1990-12-30");
        when(dates.hasFired(birthday, LocalDate.parse("2026-12-30"))).thenReturn(true);

        assertThat(triggers.fire(LocalDate.parse("2026-12-31"))).isZero();
        verify(enrolment, never()).enrol(any(), any(), anyMap());
    }

    private ContactDate date(String name, String date) {
        ContactDate contactDate = new ContactDate("c1", name, LocalDate.parse(date));
        when(dates.named(any())).thenReturn(List.of(contactDate));
        return contactDate;
    }
}
