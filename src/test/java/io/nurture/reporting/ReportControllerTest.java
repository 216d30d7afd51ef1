package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.nurture.security.ApiUsers;
import io.nurture.web.ApiWebTest;

/**
 * {@code /api/reports} in a web slice: JSON or CSV by the {@code Accept} header, and the period's 4xx problems. The
 * figures themselves, on seeded data in both databases, are {@code H2ReportsIT}'s and {@code PostgresReportsIT}'s.
 */
@ApiWebTest(ReportController.class)
class ReportControllerTest {

    private static final RequestPostProcessor MARKETER = ApiUsers.user("marketer", "marketing");
    private static final ReportPeriod MARCH = new ReportPeriod(LocalDate.of(2020, 3, 1), LocalDate.of(2020, 3, 31));
    private static final FunnelReport FUNNEL = new FunnelReport(MARCH.from(), MARCH.to(), List.of(
            new FunnelReport.Stage("LEAD", 36, 20, 2, 19, 8, 1, 11, 0.4),
            new FunnelReport.Stage("EVANGELIST", 4, 1, 0, 1, 0, 0, 1, null)));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Reports reports;

    @Test
    void aReportIsJsonByDefault() throws Exception {
        when(reports.funnel(MARCH)).thenReturn(FUNNEL);

        mvc.perform(get("/api/reports/funnel?from=2020-03-01&to=2020-03-31").with(MARKETER))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.from").value("2020-03-01"))
                .andExpect(jsonPath("$.stages[0].stage").value("LEAD"))
                .andExpect(jsonPath("$.stages[0].reEntries").value(2))
                .andExpect(jsonPath("$.stages[0].conversionRate").value(0.4))
                .andExpect(jsonPath("$.stages[1].conversionRate").doesNotExist());
    }

    @Test
    void andCsvForAcceptTextCsv() throws Exception {
        when(reports.funnel(MARCH)).thenReturn(FUNNEL);

        String csv = mvc.perform(get("/api/reports/funnel?from=2020-03-01&to=2020-03-31").with(MARKETER)
                .accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"funnel-2020-03-01-2020-03-31.csv\""))
                .andReturn().getResponse().getContentAsString();

        assertThat(csv.lines().toList()).containsExactly(
                "\"stage\",\"current\",\"entries\",\"re_entries\",\"contacts\",\"converted\",\"moved_back\","
                        + "\"still_in_stage\",\"conversion_rate\"",
                "\"LEAD\",\"36\",\"20\",\"2\",\"19\",\"8\",\"1\",\"11\",\"0.4\"",
                "\"EVANGELIST\",\"4\",\"1\",\"0\",\"1\",\"0\",\"0\",\"1\",\"\"");
    }

    @Test
    void withoutAPeriodTheLast30Days() throws Exception {
        when(reports.funnel(any())).thenReturn(FUNNEL);

        mvc.perform(get("/api/reports/funnel").with(MARKETER)).andExpect(status().isOk());

        LocalDate today = LocalDate.now(ReportingConfiguration.CLOCK);
        verify(reports).funnel(new ReportPeriod(today.minusDays(ReportController.DEFAULT_DAYS - 1), today));
    }

    @Test
    void aBadPeriodIsA400ProblemAndNoQuery() throws Exception {
        problem("/api/reports/funnel?from=yesterday", "'from' must be a date");
        problem("/api/reports/funnel?from=2026-13-01", "'from' must be a date");
        problem("/api/reports/velocity?from=2026-03-01&to=2026-02-01", "must not be after");
        problem("/api/reports/campaigns?from=2000-01-01&to=2026-01-01", "at most 3660 days");
        problem("/api/reports/nurture?to=%2B999999999-12-31", "must lie between");
        verifyNoInteractions(reports);
    }

    /** The query as a client sends it, percent-encoded. */
    private void problem(String pathAndQuery, String detail) throws Exception {
        mvc.perform(get(URI.create(pathAndQuery)).with(MARKETER))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(detail)));
    }
}
