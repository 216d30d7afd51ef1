package io.nurture.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;
import io.nurture.reporting.Browser;
import io.nurture.reporting.ChromiumPerTest;

/**
 * Swagger UI in a real headless Chromium, under Nurture's Content-Security-Policy: a marketer (HTTP Basic, as a
 * browser sends it after its login prompt) sees the operations of /api, /v1 and /f, everything loaded from Nurture
 * itself, and runs one. Screenshots land in {@code target/screenshots/}.
 */
@JobsOffAppTest
@ExtendWith(ChromiumPerTest.class)
class ApiDocsBrowserIT {

    @LocalServerPort
    int port;

    Browser browser;

    @Test
    void aMarketerSeesTheOperationsAllServedByNurtureAndTriesOne() {
        signInAs("marketer");

        browser.driver.get(base() + "/api/docs/ui");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));

        assertThat(browser.driver.getCurrentUrl()).isEqualTo(base() + "/api/docs/swagger-ui/index.html");
        assertThat(browser.driver.findElement(By.cssSelector(".information-container .title")).getText())
                .contains("Nurture API");
        List<String> paths = browser.driver.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .map(WebElement::getText).map(text -> text.replace("\u200b", "")).toList();
        assertThat(paths).contains("/api/events", "/api/reports/funnel", "/v1/track", "/v1/batch", "/f/{form}");
        assertThat(browser.driver.findElements(By.cssSelector(".auth-wrapper .authorize"))).isNotEmpty();

        WebElement funnel = browser.driver.findElement(By.id("operations-reports-funnel"));
        funnel.findElement(By.cssSelector(".opblock-summary")).click();
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "#operations-reports-funnel .try-out__btn"))).click();
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "#operations-reports-funnel .execute"))).click();
        WebElement status = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#operations-reports-funnel .live-responses-table tbody .response-col_status")));
        assertThat(status.getText()).startsWith("200");

        browser.screenshot("api-docs");
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) ((JavascriptExecutor) browser.driver).executeScript(
                "return performance.getEntriesByType('resource').map(entry => entry.name)"
                        + ".concat([...document.querySelectorAll('script[src], link[href], img[src]')]"
                        + ".map(element => element.src || element.href))");
        assertThat(loaded).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(base() + "/"));
        assertThat(browser.consoleErrors()).as("no script or asset refused by the CSP").isEmpty();
    }

    /** The Authorization header a browser sends once its Basic prompt is answered, on every request. */
    private void signInAs(String user) {
        ChromeDriver chrome = (ChromeDriver) browser.driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", NurtureClient.basic(user, user))));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
