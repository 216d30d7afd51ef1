package io.nurture.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** The reading of PromQL that {@link MetricsIT} holds the dashboard to: metric names, not functions or labels. */
class DashboardQueriesTest {

    @Test
    void findsTheMetricsOfAnExpression() {
        assertThat(DashboardQueries.metricNames("histogram_quantile(0.95, sum by (le, uri) (rate("
                + "nurture_event_ingestion_seconds_bucket{instance=~\"$instance\",status=\"a_b\"}[$__rate_interval])))"))
                .containsExactly("nurture_event_ingestion_seconds_bucket");
        assertThat(DashboardQueries.metricNames("sum(rate(a_total[5m])) / sum without (x) (b_count) and on (y) c"))
                .containsExactly("a_total", "b_count", "c");
        assertThat(DashboardQueries.metricNames("label_values(nurture_jobs_executable, instance)"))
                .containsExactly("nurture_jobs_executable");
    }

    @Test
    void theDashboardHasQueries() throws IOException {
        assertThat(DashboardQueries.expressions()).hasSizeGreaterThan(10)
                .allSatisfy(expression -> assertThat(DashboardQueries.metricNames(expression)).isNotEmpty());
    }
}
