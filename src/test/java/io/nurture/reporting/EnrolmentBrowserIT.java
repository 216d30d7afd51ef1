package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * A marketer opens a segment on the dashboard, picks the drip campaign and presses "Enrol members"; the bar follows the
 * enrolment until every member has started, once. In headless Chromium; screenshots in {@code target/screenshots/}.
 */
@InboxAppTest
@ExtendWith(ChromiumPerTest.class)
class EnrolmentBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

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

    @Test
    void aMarketerEnrolsASegmentsMembersInACampaignFromItsPage() {
        String company = "Browser enrol " + UUID.randomUUID();
        List<String> members = List.of(lead(company), lead(company));
        Response created = api.post("/api/segments", """
                {"name": "%s", "rule": {"all": [{"field": "company", "op": "eq", "value": "%s"}]}}"""
                .formatted(company, company), "marketer");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String segment = created.json().get("id").asText();
        await().atMost(PATIENCE).until(() -> api.get("/api/segments/" + segment, "marketer").json().get("rebuild")
                .get("state").asText().equals("done"));

        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/segments/" + segment);
        browser.logIn("marketer");
        WebElement campaign = browser.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(By.id("enrol-campaign")));
        new Select(campaign).selectByValue("drip");
        browser.driver.findElement(By.id("enrol-button")).click();

        WebElement status = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#enrol-status[data-finished=true]")));
        assertThat(status.getText()).isEqualTo("2 of 2 started · finished");
        browser.screenshot("enrolment-finished");
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
        members.forEach(member -> assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("drip")
                .processInstanceBusinessKey(member).count()).as(member).isEqualTo(1));
    }

    private String lead(String company) {
        Response response = api.post("/api/events", """
                {"type": "form_submitted", "email": "enrol-browser-%s@example.com", "properties": {"company": "%s"}}"""
                .formatted(UUID.randomUUID(), company), "integration");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("contactId").asText();
    }
}
