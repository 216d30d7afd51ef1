package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryExpressionsTest {

    @ParameterizedTest
    @ValueSource(strings = { "${currentUser()}", "${currentUserGroups()}", "${now()}", "${dateTime()}",
            "${dateTime().toDate()}", "${dateTime().plusDays(2).toDate()}", "${dateTime().minusWeeks(1)}",
            "${dateTime().withTimeAtStartOfDay()}", "${dateTime().minusMonths(3).withTimeAtStartOfDay().toDate()}",
            "${dateTime().plusYears(1).plusHours(12).minusMinutes(30).plusSeconds(5).minusMillis(100)}" })
    void allowsWhatTasklistFiltersAreMadeOf(String expression) {
        assertThat(QueryExpressions.isAllowed(expression)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "${jdbcTemplate}", "${dataSource.getConnection()}", "${nurtureNoSuchBean.x}",
            "${currentUser().getClass()}", "${now().getClass().forName('java.lang.Runtime')}",
            "${dateTime().toDate().getTime()}", "${dateTime().toDate().toDate()}", "${dateTime().plusDays(n)}",
            "${dateTime().plusDays(-1)}", "${dateTime().plusDays(1234567)}", "${dateTime().getChronology()}",
            "${currentUser() }", "${ currentUser()}", " ${currentUser()}", "${currentUser()}\n",
            "${currentUser()}${jdbcTemplate}", "${currentUser()}x", "#{currentUser()}", "$\\{currentUser()}",
            "${currentUser()==''?jdbcTemplate:''}", "${currentUser}", "${CurrentUser()}", "sdr", "",
            "${dateTime().plusDays(1).plusDays(1).plusDays(1).plusDays(1).plusDays(1).plusDays(1).plusDays(1)"
                    + ".plusDays(1).plusDays(1)}" })
    void refusesEverythingElse(String expression) {
        assertThat(QueryExpressions.isAllowed(expression)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void refusesNothingAtAll() {
        assertThat(QueryExpressions.isAllowed(null)).isFalse();
    }
}
