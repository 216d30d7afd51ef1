package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;

/**
 * A marketer suspends the welcome series from its versions page, sees a new lead wait there (one held start), and
 * resumes it: the page shows the campaign running again and the lead is in the series. In headless Chromium;
 * screenshots in {@code target/screenshots/}.
 */
@InboxAppTest
@ExtendWith(ChromiumPerTest.class)
class CampaignSuspensionBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    NurtureClient api;
    Browser browser;

    @BeforeEach
    void open() {
        api = new NurtureClient(port);
    }

    @AfterEach
    void close() {
        // the next suites in this context need the welcome series running
        api.delete("/api/campaigns/welcome/suspension", "demo");
    }

    @Test
    void aMarketerSuspendsAndResumesTheWelcomeSeriesFromTheDashboard() {
        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/campaigns/welcome/versions");
        browser.waiting().until(ExpectedConditions.urlContains("/dashboard/login"));
        browser.logIn("marketer");
        assertThat(stateShown()).isEqualTo("active");

        browser.driver.findElement(By.id("suspend")).click();

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#suspension[data-state=suspended]")));
        assertThat(browser.driver.findElement(By.id("suspended-by")).getText()).isEqualTo("marketer");
        assertThat(api.get("/api/campaigns/welcome/suspension", "marketer").json().get("state").asText())
                .isEqualTo("suspended");
        var lead = api.post("/api/events", """
                {"type": "form_submitted", "email": "held-%s@example.com"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8)), "integration");
        assertThat(lead.status()).as(lead.body()).isEqualTo(202);
        String contactId = lead.json().get("contactId").asText();
        browser.driver.navigate().refresh();
        WebElement held = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("held-starts")));
        assertThat(held.getText()).isEqualTo("1");
        assertThat(welcomeInstances(contactId)).isZero();
        browser.screenshot("campaign-suspended");

        browser.driver.findElement(By.id("resume")).click();

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#suspension[data-state=active]")));
        assertThat(browser.driver.findElement(By.id("held-starts")).getText()).isEqualTo("0");
        assertThat(browser.driver.findElements(By.id("suspend"))).hasSize(1);
        assertThat(welcomeInstances(contactId)).isEqualTo(1);
        browser.screenshot("campaign-resumed");
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    private String stateShown() {
        return browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("suspension")))
                .getAttribute("data-state");
    }

    private long welcomeInstances(String contactId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("welcome")
                .processInstanceBusinessKey(contactId).count();
    }
}
