package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.nurture.InboxAppTest;

/**
 * A marketer previews the welcome series for three personas on the dashboard, then an edited welcome series they
 * have not deployed yet, uploaded as a file, and reads the persona table and the timelines. A sales rep may not open
 * the simulator. In headless Chromium; screenshots in {@code target/screenshots/}.
 */
@InboxAppTest
@ExtendWith(ChromiumPerTest.class)
class SimulationBrowserIT {

    @LocalServerPort
    int port;

    Browser browser;

    @Test
    void aMarketerPreviewsTheWelcomeSeriesAndAnEditedOneForThreePersonas() throws IOException {
        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/simulations");
        browser.logIn("marketer");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("simulation")));
        browser.driver.findElement(By.cssSelector("input.persona[value=low-fit-engaged]")).click();
        setDate("start", "2027-01-04");
        browser.driver.findElement(By.id("run")).click();

        waitUntilDone();
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#personas tr.persona-row"));
        assertThat(rows).extracting(row -> row.findElement(By.tagName("td")).getText())
                .containsExactly("High fit, engaged", "High fit, silent", "Low fit, silent");
        assertThat(cells(rows.get(0))).containsSubsequence("4", "Reached MQL or later", "14.08", "MQL");
        assertThat(cells(rows.get(1))).containsSubsequence("10", "2", "1", "Series finished", "56");
        assertThat(browser.driver.findElements(By.cssSelector("section.timeline"))).hasSize(3);
        assertThat(browser.driver.findElement(By.id("findings")).getText()).startsWith("No findings");
        browser.screenshot("simulation-welcome");

        Path edited = Files.createTempFile("welcome-edited", ".bpmn");
        Files.writeString(edited, shippedWelcome().replace("name=\"subject\">Welcome to Nurture<",
                "name=\"subject\">Welcome aboard, {{firstName}}<"));
        browser.driver.findElement(By.cssSelector("input[name=source][value=uploaded]")).click();
        browser.driver.findElement(By.id("bpmn-file")).sendKeys(edited.toAbsolutePath().toString());
        browser.driver.findElement(By.id("run")).click();

        waitUntilDone();
        assertThat(browser.driver.findElement(By.id("result-title")).getText()).contains("uploaded diagram");
        WebElement firstTimeline = browser.driver.findElements(By.cssSelector("section.timeline")).get(0);
        assertThat(firstTimeline.findElement(By.cssSelector("tr.entry-send")).getText())
                .contains("Welcome aboard, Ada");
        browser.screenshot("simulation-edited-welcome");
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    @Test
    void aSalesRepMayNotOpenTheSimulator() {
        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/simulations");
        browser.logIn("sales");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "The simulator is for the groups"));
        assertThat(browser.driver.findElements(By.id("simulation"))).isEmpty();
    }

    private void waitUntilDone() {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#status[data-done=true]")));
    }

    private void setDate(String id, String isoDate) {
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, isoDate);
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    private static String shippedWelcome() throws IOException {
        try (InputStream in = SimulationBrowserIT.class.getResourceAsStream("/processes/welcome.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
