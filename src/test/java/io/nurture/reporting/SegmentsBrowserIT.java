package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;

/**
 * A marketer builds a segment on the dashboard: two conditions, the count following each change of a value, then
 * saves it and looks at its members; a sales rep sees the segments but no builder. In headless Chromium; screenshots
 * in {@code target/screenshots/}.
 */
@JobsOffAppTest
class SegmentsBrowserIT {

    @LocalServerPort
    int port;

    NurtureClient api;
    Browser browser;

    @BeforeAll
    static void chromium() {
        Browser.requireChromium();
    }

    @BeforeEach
    void open() {
        api = new NurtureClient(port);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.consoleErrors().forEach(entry -> System.out.println("browser console: " + entry));
        browser.screenshot("segments-last");
        browser.close();
    }

    @Test
    void aMarketerBuildsASegmentWatchingTheCountAndLooksAtItsMembers() {
        String company = "Browser " + UUID.randomUUID();
        String french = "fr-" + UUID.randomUUID() + "@example.com";
        for (String[] contact : List.of(new String[] { "de1-" + UUID.randomUUID() + "@example.com", "DE" },
                new String[] { "de2-" + UUID.randomUUID() + "@example.com", "DE" }, new String[] { french, "FR" })) {
            assertThat(api.post("/api/events", """
                    {"type": "form_submitted", "email": "%s", "properties": {"company": "%s", "country": "%s"}}"""
                    .formatted(contact[0], company, contact[1]), "demo").status()).isEqualTo(202);
        }

        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/segments");
        browser.logIn("marketer");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("builder")));
        browser.driver.findElement(By.id("segment-name")).sendKeys("French " + company);
        WebElement addField = browser.driver.findElement(By.cssSelector("button.add-condition[data-kind=field]"));
        addField.click();
        addField.click();
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#conditions .condition"));
        assertThat(rows).hasSize(2);
        new Select(rows.get(0).findElement(By.className("field"))).selectByValue("company");
        rows.get(0).findElement(By.className("value")).sendKeys(company);
        new Select(rows.get(1).findElement(By.className("field"))).selectByValue("country");
        rows.get(1).findElement(By.className("value")).sendKeys("DE");
        countBecomes("2");
        browser.screenshot("segments-builder-two");

        WebElement country = rows.get(1).findElement(By.className("value"));
        country.clear();
        country.sendKeys("FR");
        countBecomes("1");
        assertThat(browser.driver.findElement(By.id("live-sample")).getText()).contains(french);
        browser.driver.findElement(By.id("save-segment")).click();

        browser.waiting().until(ExpectedConditions.urlMatches("/dashboard/segments/[0-9a-f-]{36}$"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(driver -> {
            driver.navigate().refresh();
            return driver.findElement(By.id("build-state")).getText().equals("DONE".toLowerCase());
        });
        assertThat(browser.driver.findElement(By.id("segment-name")).getText()).isEqualTo("French " + company);
        assertThat(browser.driver.findElement(By.id("member-count")).getText()).isEqualTo("1");
        List<WebElement> members = browser.driver.findElements(By.cssSelector("#members tbody tr"));
        assertThat(members).hasSize(1);
        assertThat(members.get(0).getText()).contains(french);
        assertThat(browser.driver.findElements(By.cssSelector("#sizes tbody tr"))).isNotEmpty();
        browser.screenshot("segments-members");
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    @Test
    void aMarketerBuildsASegmentOnACustomProperty() {
        String company = "Props " + UUID.randomUUID();
        String big = "big-" + UUID.randomUUID() + "@example.com";
        List<String> ids = new java.util.ArrayList<>();
        for (String[] contact : List.of(new String[] { big, "25" },
                new String[] { "small-" + UUID.randomUUID() + "@example.com", "3" })) {
            NurtureClient.Response created = api.post("/api/events", """
                    {"type": "form_submitted", "email": "%s", "properties": {"company": "%s"},
                     "contactProperties": {"plan": "pro", "seats": %s}}"""
                    .formatted(contact[0], company, contact[1]), "demo");
            assertThat(created.status()).isEqualTo(202);
            ids.add(created.json().get("contactId").asText());
        }

        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/segments");
        browser.logIn("marketer");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("builder")));
        browser.driver.findElement(By.cssSelector("button.add-condition[data-kind=field]")).click();
        WebElement addProperty = browser.driver.findElement(By.cssSelector(
                "button.add-condition[data-kind=property]"));
        addProperty.click();
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#conditions .condition"));
        assertThat(rows).hasSize(2);
        new Select(rows.get(0).findElement(By.className("field"))).selectByValue("company");
        rows.get(0).findElement(By.className("value")).sendKeys(company);
        rows.get(1).findElement(By.className("property")).sendKeys("plan");
        rows.get(1).findElement(By.className("value")).sendKeys("pro");
        countBecomes("2");
        addProperty.click();
        rows = browser.driver.findElements(By.cssSelector("#conditions .condition"));
        assertThat(rows).hasSize(3);
        rows.get(2).findElement(By.className("property")).sendKeys("seats");
        new Select(rows.get(2).findElement(By.className("op"))).selectByValue("gte");
        rows.get(2).findElement(By.className("value")).sendKeys("10");
        countBecomes("1");
        assertThat(new Select(rows.get(2).findElement(By.className("value-type"))).getFirstSelectedOption()
                .getText()).as("gte compares numbers only").isEqualTo("number");
        assertThat(browser.driver.findElement(By.id("live-sample")).getText()).contains(big);
        assertThat(browser.driver.findElement(By.id("rule-json")).getAttribute("textContent"))
                .contains("\"property\": \"seats\"", "\"value\": 10");
        browser.screenshot("segments-builder-property");
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();

        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/contacts/" + ids.get(0));
        String shown = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("properties")))
                .getText();
        assertThat(shown).contains("Custom properties", "plan", "pro", "seats", "25");
    }

    @Test
    void aSalesRepSeesTheSegmentsButNoBuilder() {
        String name = "Seen by sales " + UUID.randomUUID();
        api.post("/api/segments", "{\"name\": \"" + name + "\", \"rule\": {\"all\": "
                + "[{\"field\": \"company\", \"op\": \"eq\", \"value\": \"" + name + "\"}]}}", "marketer");

        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/segments");
        browser.logIn("sales");

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("segments")));
        assertThat(browser.driver.getPageSource()).contains("Seen by sales");
        assertThat(browser.driver.findElements(By.id("builder"))).isEmpty();
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    private void countBecomes(String count) {
        browser.waiting().until(ExpectedConditions.textToBe(By.id("live-count"), count));
    }
}
