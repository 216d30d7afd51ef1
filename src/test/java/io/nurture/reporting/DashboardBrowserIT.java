package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;

/**
 * The web UIs in a real headless Chromium: a marketer logs into the dashboard and sees its charts drawn with data;
 * an SDR qualifies a lead in Tasklist and the contact moves on. Screenshots land in {@code target/screenshots/}. The
 * Tasklist path lives here too so both share one application context.
 */
@InboxAppTest
@ExtendWith(ChromiumPerTest.class)
class DashboardBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportFacts facts;

    NurtureClient api;
    Browser browser;

    @BeforeEach
    void open() {
        api = new NurtureClient(port);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void aMarketerLogsInAndSeesTheChartsWithData() {
        seedFunnel();
        String lead = event("form_submitted", "Lea", "Lead Co");
        event("demo_requested", "Moe", "Hand Raisers");

        browser.driver.get(url("/dashboard"));
        browser.waiting().until(ExpectedConditions.urlContains("/dashboard/login"));
        browser.logIn("marketer", "marketer");

        browser.waiting().until(ExpectedConditions.urlMatches(".*/dashboard$"));
        for (String chart : List.of("chart-funnel", "chart-conversion", "chart-velocity", "chart-scores")) {
            WebElement element = browser.waiting().until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + "[data-rendered=true]")));
            assertThat(element.findElements(By.tagName("canvas"))).as(chart + " is drawn").isNotEmpty();
            assertThat(chartValues(chart)).as(chart + " has data").anyMatch(value -> value > 0);
        }
        assertThat(text("kpi-new-leads")).isNotEqualTo("0");
        assertThat(browser.driver.findElement(By.id("campaign-table")).getText()).contains("welcome")
                .as("steps by name").doesNotContain("Task_");
        assertThat(browser.driver.findElement(By.id("funnel-table")).getText()).contains("MQL");
        browser.screenshot("dashboard");
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();

        // contact search → timeline → Cockpit, in the same session
        browser.driver.findElement(By.id("contact-query")).sendKeys("Lead Co");
        browser.driver.findElement(By.id("contact-search")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("contact-results")))
                .findElement(By.linkText("Lea Tester")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
        assertThat(text("contact-stage")).isEqualTo("LEAD");
        assertThat(browser.driver.findElement(By.id("timeline")).getText()).contains("form_submitted", "LEAD #1", "welcome-1");
        // steps by the names the marketer gave them in Modeler, not by their ids
        assertThat(browser.driver.findElement(By.id("timeline")).getText()).contains("welcome / Send welcome e-mail")
                .doesNotContain("Task_");
        assertThat(browser.driver.findElement(By.id("processes")).getText()).doesNotContain("Task_", "Timer_");
        WebElement cockpit = browser.driver.findElement(By.cssSelector("#processes a.cockpit"));
        String instanceId = api.get("/engine-rest/process-instance?processDefinitionKey=welcome&businessKey=" + lead,
                "demo").json().get(0).get("id").asText();
        assertThat(cockpit.getAttribute("href")).endsWith("/camunda/app/cockpit/default/#/process-instance/"
                + instanceId);
        browser.screenshot("contact-timeline");
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();

        cockpit.click();
        browser.waiting().until(driver -> driver.getPageSource().contains(instanceId)
                && !driver.findElements(By.cssSelector("[cam-widget-bpmn-viewer], .process-instance, .ctn-main"))
                        .isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector("input[name=password]"))).as("no second login")
                .isEmpty();
        browser.screenshot("cockpit-from-dashboard");
    }

    @Test
    void wrongPasswordsAndOutsidersStayOut() {
        browser.driver.get(url("/dashboard/login"));
        browser.logIn("marketer", "wrong");
        waitForText("login-error", "Wrong user name or password");
        browser.logIn("sdr", "sdr");
        waitForText("login-error", "The dashboard is for the groups");
        browser.driver.get(url("/dashboard?from=2026-13-01"));
        assertThat(browser.driver.getCurrentUrl()).contains("/dashboard/login");

        browser.logIn("demo", "demo");
        waitForText("problem", "'from' must be a date");
        browser.screenshot("dashboard-bad-period");
    }

    @Test
    void anSdrQualifiesTheLeadInTasklistAndTheContactBecomesSql() {
        String contactId = event("demo_requested", "Sam", "Browser Co");
        await().atMost(PATIENCE).until(() -> api.get("/engine-rest/task?processInstanceBusinessKey=" + contactId,
                "sdr").json().size() == 1);

        browser.driver.get(url("/camunda/app/tasklist/"));
        WebElement user = browser.waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        user.sendKeys("sdr");
        browser.driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("sdr");
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();

        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Leads to qualify")))
                .click();
        browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.partialLinkText("Qualify Sam Tester (Browser Co)"))).click();
        // the contact's context on the form
        browser.waiting().until(driver -> fieldValues().contains("Browser Co"));
        assertThat(fieldValues()).contains("Sam Tester", "demo_requested");
        browser.screenshot("tasklist-qualify-task");

        browser.driver.findElement(By.cssSelector("button.claim")).click();
        By qualified = By.xpath("//label[contains(., 'Qualified – hand to sales')]/input");
        browser.waiting().until(ExpectedConditions.elementToBeClickable(qualified)).click();
        WebElement complete = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='Complete']")));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
        complete.click();

        await().atMost(PATIENCE).until(() -> "SQL".equals(api.get("/api/contacts/" + contactId, "demo").json()
                .get("lifecycleStage").asText()));
        assertThat(api.get("/api/contacts/" + contactId, "demo").json().get("stageHistory").toString())
                .contains("\"actor\":\"sdr\"");
        browser.screenshot("tasklist-completed");
    }

    private void waitForText(String id, String text) {
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    /** Every value of every series of a drawn chart, as ECharts holds it. */
    @SuppressWarnings("unchecked")
    private List<Double> chartValues(String chart) {
        List<Object> values = (List<Object>) ((JavascriptExecutor) browser.driver).executeScript("""
                var option = window.nurtureCharts[arguments[0]].getOption();
                var values = [];
                option.series.forEach(function (s) {
                  s.data.forEach(function (d) {
                    var v = d !== null && typeof d === 'object' ? d.value : d;
                    if (typeof v === 'number') { values.push(v); }
                  });
                });
                return values;""", chart);
        return values.stream().map(value -> ((Number) value).doubleValue()).toList();
    }

    private String fieldValues() {
        return String.valueOf(((JavascriptExecutor) browser.driver).executeScript("""
                return Array.from(document.querySelectorAll('input, textarea'))
                  .map(function (e) { return e.value; }).join('\\n');"""));
    }

    private String event(String type, String firstName, String company) {
        String email = firstName.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var response = api.post("/api/events", """
                {"type": "%s", "email": "%s",
                 "properties": {"firstName": "%s", "lastName": "Tester", "company": "%s", "source": "browser-test",
                                "consent": {"email": true}}}""".formatted(type, email, firstName, company), "integration");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("contactId").asText();
    }

    /** Some history behind the charts: journeys through the last months, recycling and backward moves included. */
    private void seedFunnel() {
        Instant now = Instant.now();
        new ReportDataSet(jdbc).randomJourneys(60, now.minus(80, ChronoUnit.DAYS), now.minus(1, ChronoUnit.HOURS), 7);
        facts.fillAll();
    }
}
