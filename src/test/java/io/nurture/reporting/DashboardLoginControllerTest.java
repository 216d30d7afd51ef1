package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DashboardLoginControllerTest {

    @Test
    void afterLoginOnlyBackIntoTheDashboard() {
        assertThat(DashboardLoginController.safeTarget("/dashboard/contacts?q=ada")).isEqualTo("/dashboard/contacts?q=ada");
        assertThat(DashboardLoginController.safeTarget(null)).isEqualTo("/dashboard");
        assertThat(DashboardLoginController.safeTarget("https://evil.example/")).isEqualTo("/dashboard");
        assertThat(DashboardLoginController.safeTarget("//evil.example/dashboard")).isEqualTo("/dashboard");
        assertThat(DashboardLoginController.safeTarget("/dashboard//evil.example")).isEqualTo("/dashboard");
        assertThat(DashboardLoginController.safeTarget("/dashboard/login")).isEqualTo("/dashboard");
        assertThat(DashboardLoginController.safeTarget("/camunda/app/")).isEqualTo("/dashboard");
    }
}
