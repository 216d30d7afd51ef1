package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;

/**
 * A marketer builds a segment on the dashboard: two conditions, the count following each change of a value, then
 * saves it and looks at its members; one of who is not on a list, deleted from its page; a sales rep sees the
 * segments but no builder and no delete button. In headless Chromium; screenshots
 * in {@code target/screenshots/}.
 */
@JobsOffAppTest
@ExtendWith(ChromiumPerTest.class)
class SegmentsBrowserIT {

    @LocalServerPort
    int port;

    NurtureClient api;
    Browser browser;

    @BeforeEach
    void open() {
        api = new NurtureClient(port);
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
    void aMarketerBuildsASegmentOfWhoIsOrIsNotInAListAndDeletesIt() {
        String company = "Browser list " + UUID.randomUUID();
        List<String> contacts = List.of(lead(company), lead(company), lead(company));
        String listName = "Guests " + company;
        String list = api.post("/api/lists", "{\"name\": \"" + listName + "\"}", "marketer").json().get("id")
                .asText();
        assertThat(api.post("/api/lists/" + list + "/members", "{\"contactIds\": [\"" + contacts.get(0) + "\"]}",
                "marketer").status()).isEqualTo(200);

        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/segments");
        browser.logIn("marketer");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("builder")));
        browser.driver.findElement(By.id("segment-name")).sendKeys("Not guests " + company);
        browser.driver.findElement(By.cssSelector("button.add-condition[data-kind=field]")).click();
        browser.driver.findElement(By.cssSelector("button.add-condition[data-kind=list]")).click();
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#conditions .condition"));
        new Select(rows.get(0).findElement(By.className("field"))).selectByValue("company");
        rows.get(0).findElement(By.className("value")).sendKeys(company);
        Select lists = new Select(rows.get(1).findElement(By.className("list")));
        assertThat(lists.getOptions()).extracting(WebElement::getText).contains(listName);
        lists.selectByValue(list);
        countBecomes("1");
        new Select(rows.get(1).findElement(By.className("membership"))).selectByValue("not_in");
        countBecomes("2");
        browser.screenshot("segments-builder-list");
        browser.driver.findElement(By.id("save-segment")).click();

        browser.waiting().until(ExpectedConditions.urlMatches("/dashboard/segments/[0-9a-f-]{36}$"));
        String segment = browser.driver.getCurrentUrl().replaceAll(".*/", "");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(driver -> {
            driver.navigate().refresh();
            return driver.findElement(By.id("build-state")).getText().equals("done");
        });
        assertThat(browser.driver.findElement(By.id("member-count")).getText()).isEqualTo("2");
        assertThat(browser.driver.findElement(By.id("segment-rule")).getAttribute("textContent"))
                .contains(list, "\"not\" : true");

        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
        assertThat(deleted("/dashboard/segments/" + segment, "not-the-token"))
                .as("the logged-in session without the page's token").isEqualTo(403);
        assertThat(browser.consoleErrors()).as("only the refusal just asked for").hasSize(1);
        assertThat(api.get("/api/segments/" + segment, "marketer").status()).isEqualTo(200);

        browser.driver.findElement(By.id("delete-segment")).click();
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();

        browser.waiting().until(ExpectedConditions.urlMatches("/dashboard/segments$"));
        assertThat(browser.driver.getPageSource()).doesNotContain("Not guests " + company);
        assertThat(api.get("/api/segments/" + segment, "marketer").status()).isEqualTo(404);
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    @Test
    void aSalesRepSeesASegmentButCannotDeleteIt() {
        String name = "Not deleted by sales " + UUID.randomUUID();
        String segment = api.post("/api/segments", "{\"name\": \"" + name + "\", \"rule\": {\"all\": "
                + "[{\"field\": \"company\", \"op\": \"eq\", \"value\": \"" + name + "\"}]}}", "marketer").json()
                .get("id").asText();

        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/segments/" + segment);
        browser.logIn("sales");

        browser.waiting().until(ExpectedConditions.textToBe(By.id("segment-name"), name));
        assertThat(browser.driver.findElements(By.id("delete-segment"))).isEmpty();
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
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

    /** What the dashboard answers this browser's session to a DELETE with the given token. */
    private long deleted(String path, String token) {
        return (Long) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: 'DELETE', credentials: 'same-origin',
                    headers: {'X-Nurture-Token': arguments[1]}}).then(function (r) { done(r.status); });""",
                path, token);
    }

    private String lead(String company) {
        var response = api.post("/api/events", """
                {"type": "form_submitted", "email": "seg-browser-%s@example.com", "properties": {"company": "%s"}}"""
                .formatted(UUID.randomUUID(), company), "integration");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("contactId").asText();
    }

    private void countBecomes(String count) {
        browser.waiting().until(ExpectedConditions.textToBe(By.id("live-count"), count));
    }
}
