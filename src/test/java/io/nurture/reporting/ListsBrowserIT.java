package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * A marketer finds the lists in the dashboard's navigation, opens one, pages through its members and enrols them in a
 * campaign, the bar following the enrolment to its end; a sales rep, who may not read lists, is refused the pages. In
 * headless Chromium; screenshots in {@code target/screenshots/}.
 */
@InboxAppTest
@ExtendWith(ChromiumPerTest.class)
class ListsBrowserIT {

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
    void aMarketerOpensAListFromTheNavigationPagesItsMembersAndEnrolsThem() {
        String name = "Browser list " + UUID.randomUUID();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < DashboardListsController.PAGE_SIZE + 2; i++) {
            members.add(lead(name));
        }
        String list = api.post("/api/lists", "{\"name\": \"" + name + "\"}", "marketer").json().get("id").asText();
        Response added = api.post("/api/lists/" + list + "/members", "{\"contactIds\": [\""
                + String.join("\", \"", members) + "\"]}", "marketer");
        assertThat(added.status()).as(added.body()).isEqualTo(200);

        browser.driver.get("http://127.0.0.1:" + port + "/dashboard");
        browser.logIn("marketer");
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("Lists"))).click();
        WebElement row = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#lists tr[data-id='" + list + "']")));
        assertThat(row.findElement(By.className("members")).getText())
                .isEqualTo(String.valueOf(members.size()));
        browser.screenshot("lists-all");
        row.findElement(By.linkText(name)).click();

        browser.waiting().until(ExpectedConditions.textToBe(By.id("list-name"), name));
        assertThat(browser.driver.findElement(By.id("member-count")).getText())
                .isEqualTo(String.valueOf(members.size()));
        // added in one request, so at one moment: in the order of their ids
        List<String> inOrder = members.stream().sorted().toList();
        assertThat(shownMembers()).containsExactlyElementsOf(inOrder.subList(0, DashboardListsController.PAGE_SIZE));
        browser.driver.findElement(By.id("next-page")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("previous-page")));
        assertThat(shownMembers()).containsExactlyElementsOf(
                inOrder.subList(DashboardListsController.PAGE_SIZE, members.size()));
        assertThat(browser.driver.findElements(By.id("next-page"))).as("the last page").isEmpty();

        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
        assertThat(((JavascriptExecutor) browser.driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch('/dashboard/lists/' + arguments[0] + '/enrolments', {method: 'POST', credentials: 'same-origin',
                    headers: {'Content-Type': 'application/json'}, body: '{"campaign": "drip"}'})
                  .then(function (r) { done(r.status); });""", list)).as("a write without the page's token")
                .isEqualTo(403L);
        assertThat(browser.consoleErrors()).as("only the refusal just asked for").hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("drip")
                .processInstanceBusinessKey(members.get(0)).count()).isZero();

        new Select(browser.driver.findElement(By.id("enrol-campaign"))).selectByValue("drip");
        browser.driver.findElement(By.id("enrol-button")).click();
        WebElement status = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#enrol-status[data-finished=true]")));
        assertThat(status.getText()).isEqualTo(members.size() + " of " + members.size() + " started · finished");
        browser.screenshot("lists-enrolled");
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
        members.forEach(member -> assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("drip")
                .processInstanceBusinessKey(member).count()).as(member).isEqualTo(1));
    }

    @Test
    void aSalesRepIsRefusedTheListsPages() {
        String list = api.post("/api/lists", "{\"name\": \"Not for sales " + UUID.randomUUID() + "\"}", "marketer")
                .json().get("id").asText();

        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/lists");
        browser.logIn("sales");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Lists are for the groups"));
        assertThat(browser.driver.getPageSource()).doesNotContain("Not for sales");
        browser.driver.get("http://127.0.0.1:" + port + "/dashboard/lists/" + list);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Lists are for the groups"));
        assertThat(browser.driver.getPageSource()).doesNotContain("Not for sales");
        assertThat(browser.driver.findElements(By.id("enrol-button"))).isEmpty();
    }

    private List<String> shownMembers() {
        return browser.driver.findElements(By.cssSelector("#members tbody tr")).stream()
                .map(tr -> tr.getAttribute("data-contact")).toList();
    }

    private String lead(String company) {
        Response response = api.post("/api/events", """
                {"type": "form_submitted", "email": "list-browser-%s@example.com", "properties": {"company": "%s"}}"""
                .formatted(UUID.randomUUID(), company), "integration");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("contactId").asText();
    }

}
