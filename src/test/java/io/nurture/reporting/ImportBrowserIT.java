package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;

/**
 * A marketer imports a CSV with German headers from the dashboard: names the columns, watches the bar to the report
 * (a refused row among them, with its CSV), and the contacts are there. A sales rep may not open the page. In
 * headless Chromium; screenshots in {@code target/screenshots/}.
 */
@InboxAppTest
@ExtendWith(ChromiumPerTest.class)
class ImportBrowserIT {

    @LocalServerPort
    int port;

    Browser browser;

    @Test
    void aMarketerImportsACsvFromTheDashboardAndReadsItsReport() throws IOException {
        String ada = "import-ada-" + UUID.randomUUID() + "@example.com";
        String bob = "import-bob-" + UUID.randomUUID() + "@example.com";
        Path csv = Files.createTempFile("contacts", ".csv");
        Files.writeString(csv, "E-Mail,Vorname,Land\r\n" + ada + ",Ada,DE\r\n" + bob + ",Bob,AT\r\n"
                + "not-an-address,Eve,FR\r\n");

        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/imports");
        browser.logIn("marketer");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-file")))
                .sendKeys(csv.toAbsolutePath().toString());
        column("email", "E-Mail");
        column("firstName", "Vorname");
        column("country", "Land");
        browser.driver.findElement(By.id("import-button")).click();

        WebElement status = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#import-status[data-finished]")));
        assertThat(status.getAttribute("data-finished")).isEqualTo("DONE");
        assertThat(status.getText()).contains("3 of 3 rows", "2 created", "1 refused");
        assertThat(browser.driver.findElement(By.id("import-errors")).isDisplayed()).isTrue();
        browser.screenshot("import-done");
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();

        NurtureClient api = new NurtureClient(port);
        var contact = api.get("/api/contacts?email=" + ada, "marketer");
        assertThat(contact.status()).as(contact.body()).isEqualTo(200);
        assertThat(contact.body()).contains("\"firstName\":\"Ada\"", "\"country\":\"DE\"");
    }

    @Test
    void aMarketerMapsAnUnmappedColumnToACustomProperty() throws IOException {
        String ada = "import-plan-" + UUID.randomUUID() + "@example.com";
        Path csv = Files.createTempFile("contacts", ".csv");
        Files.writeString(csv, "email,First Name,\"Plan, current\",Seats\r\n" + ada + ",Ada,pro,12\r\n");

        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/imports");
        browser.logIn("marketer");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-file")))
                .sendKeys(csv.toAbsolutePath().toString());
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#import-properties[data-read]")));
        assertThat(browser.driver.findElements(By.cssSelector("input.property")))
                .as("email and First Name fill fields: only the other columns are offered")
                .extracting(input -> input.getAttribute("data-header")).containsExactly("Plan, current", "Seats");
        WebElement plan = browser.driver.findElement(By.cssSelector("input.property[data-header='Plan, current']"));
        assertThat(plan.getAttribute("placeholder")).isEqualTo("plan_current");
        plan.sendKeys("plan");
        browser.screenshot("import-properties");
        browser.driver.findElement(By.id("import-button")).click();

        WebElement status = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#import-status[data-finished]")));
        assertThat(status.getAttribute("data-finished")).isEqualTo("DONE");
        assertThat(status.getText()).contains("1 created");
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();

        var contact = new NurtureClient(port).get("/api/contacts?email=" + ada, "marketer");
        assertThat(contact.status()).as(contact.body()).isEqualTo(200);
        assertThat(contact.body()).contains("\"firstName\":\"Ada\"", "\"properties\":{\"plan\":\"pro\"}");
    }

    @Test
    void aSalesRepMayNotOpenTheImportPage() {
        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/imports");
        browser.logIn("sales");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Importing contacts is for the groups"));
        assertThat(browser.driver.findElements(By.id("import"))).isEmpty();
    }

    private void column(String field, String header) {
        WebElement input = browser.driver.findElement(By.cssSelector("input.column[data-field=" + field + "]"));
        input.clear();
        input.sendKeys(header);
    }
}
