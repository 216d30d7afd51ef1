package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * A marketer opens the welcome series' versions on the dashboard after deploying a new one, sees the dry run, presses
 * "Migrate" and watches the progress bar until the batch has finished; the waiting lead is on the new version with
 * its timer's due date unchanged. In headless Chromium; screenshots in {@code target/screenshots/}.
 */
@InboxAppTest
@ExtendWith(ChromiumPerTest.class)
class CampaignMigrationBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    NurtureClient api;
    Browser browser;
    boolean deployedNewVersion;

    @BeforeEach
    void open() {
        api = new NurtureClient(port);
    }

    @AfterEach
    void close() throws IOException {
        if (deployedNewVersion) {
            // the next suites in this context start the shipped welcome series again
            repository.createDeployment().name("welcome restored").addString("welcome.bpmn", shippedWelcome())
                    .deploy();
        }
    }

    @Test
    void aMarketerMigratesTheWaitingLeadsFromTheDashboard() throws IOException {
        ProcessInstance waiting = waitingWelcome();
        Date due = timerDue(waiting);
        int oldVersion = repository.getProcessDefinition(waiting.getProcessDefinitionId()).getVersion();
        String revised = shippedWelcome().replace(">Three ways to get started<", ">Three ways to start today<");
        String deployment = repository.createDeployment().name("welcome revised").addString("welcome.bpmn", revised)
                .deploy().getId();
        deployedNewVersion = true;
        String newDefinition = repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult()
                .getId();

        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/campaigns/welcome/versions");
        browser.waiting().until(ExpectedConditions.urlContains("/dashboard/login"));
        browser.logIn("marketer");
        WebElement version = browser.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(By.id("version-" + oldVersion)));
        assertThat(Long.parseLong(version.findElement(By.className("movable")).getText())).isGreaterThanOrEqualTo(1);
        assertThat(version.findElement(By.className("stuck")).getText()).isEqualTo("0");
        assertThat(version.findElements(By.cssSelector("table.unmapped"))).as("every step has its counterpart")
                .isEmpty();
        browser.screenshot("campaign-versions-dry-run");

        version.findElement(By.cssSelector("button.migrate")).click();

        WebElement status = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#version-" + oldVersion + " .migration-status[data-finished=true]")));
        assertThat(status.getText()).endsWith("moved · finished").doesNotContain("failed");
        WebElement bar = version.findElement(By.className("migration-progress"));
        assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max"));
        browser.screenshot("campaign-versions-migrated");
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(waiting.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(newDefinition);
        assertThat(timerDue(waiting)).isEqualTo(due);
    }

    private ProcessInstance waitingWelcome() {
        var lead = api.post("/api/events", """
                {"type": "form_submitted", "email": "migrating-%s@example.com",
                 "properties": {"firstName": "Mia", "consent": {"email": true}}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8)), "integration");
        assertThat(lead.status()).as(lead.body()).isEqualTo(202);
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("welcome")
                .processInstanceBusinessKey(lead.json().get("contactId").asText()).singleResult();
        await().atMost(PATIENCE).until(() -> runtime.createExecutionQuery().processInstanceId(instance.getId())
                .activityId("Timer_Wait2Days").count() == 1);
        return instance;
    }

    private Date timerDue(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult().getDuedate();
    }

    private static String shippedWelcome() throws IOException {
        try (InputStream in = CampaignMigrationBrowserIT.class.getResourceAsStream("/processes/welcome.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
