package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;
import io.nurture.channel.TrackingLinks;

/**
 * A contact's path drawn by bpmn-js (served by Nurture) on its dashboard page, in headless Chromium: the welcome
 * series up to its first mail, sent and clicked, now waiting on the timer before the next send.
 */
@InboxAppTest
@ExtendWith(ChromiumPerTest.class)
class ContactPathBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TrackingLinks links;

    Browser browser;

    @Test
    void theWelcomePathIsDrawnWithTheClickedMailAndTheWaitingTimer() {
        NurtureClient api = new NurtureClient(port);
        String contactId = ClickedWelcomeMail.lead(api, jdbc, links, "Ada");
        String instanceId = api.get("/engine-rest/process-instance?processDefinitionKey=welcome&businessKey="
                + contactId, "demo").json().get(0).get("id").asText();

        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/contacts/" + contactId);
        browser.logIn("marketer");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#paths[data-rendered=true]")));

        WebElement welcome = browser.driver.findElement(
                By.cssSelector("figure.path-instance[data-instance-id='" + instanceId + "']"));
        assertThat(welcome.getAttribute("data-rendered")).isEqualTo("true");
        assertThat(welcome.findElement(By.tagName("figcaption")).getText()).startsWith("welcome (version ")
                .contains("ACTIVE");
        assertThat(classes(welcome, "StartEvent_NewLead")).contains("path-passed");
        assertThat(classes(welcome, "Task_SendWelcomeEmail")).contains("path-passed");
        assertThat(classes(welcome, "Flow_NewLead_SendWelcomeEmail")).contains("path-taken");
        assertThat(classes(welcome, "Flow_SendWelcomeEmail_Wait2Days")).contains("path-taken");
        assertThat(classes(welcome, "Timer_Wait2Days")).contains("path-waiting").doesNotContain("path-passed");
        assertThat(classes(welcome, "Task_SendWelcomeSms")).doesNotContain("path-passed", "path-waiting");
        assertThat(classes(welcome, "Flow_Wait2Days_SendWelcomeSms")).doesNotContain("path-taken");

        WebElement overlay = welcome.findElement(
                By.cssSelector(".djs-overlays[data-container-id='Task_SendWelcomeEmail'] .path-send"));
        assertThat(overlay.getText()).matches("sent \\d{4}-\\d{2}-\\d{2} · opened · clicked");
        assertThat(welcome.findElements(By.cssSelector(".path-send"))).as("one send so far").hasSize(1);
        assertThat(welcome.findElement(By.cssSelector(".bjs-powered-by")).getAttribute("href"))
                .as("bpmn.io's watermark, as its licence asks").contains("bpmn.io");
        assertThat(browser.driver.findElement(By.cssSelector(".path-legend")).getText())
                .contains("passed", "flow taken", "waits here now", "sent · opened · clicked");
        browser.screenshot("contact-path");
        assertThat(browser.consoleErrors()).as("browser console errors (CSP violations included)").isEmpty();
    }

    /** The CSS classes of a drawn element (shape or flow) of the diagram. */
    private static List<String> classes(WebElement diagram, String elementId) {
        WebElement drawn = diagram.findElement(By.cssSelector(".djs-element[data-element-id='" + elementId + "']"));
        return Arrays.asList(drawn.getAttribute("class").split("\\s+"));
    }
}
