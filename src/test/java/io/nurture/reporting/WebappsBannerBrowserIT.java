package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * Camunda 7's red "migrate to Camunda 8" banner above every webapp page confuses the SDRs: Nurture's user stylesheet
 * of each webapp (the webapps' own customisation, {@code META-INF/resources/webjars/camunda/app/<app>/styles/}) hides
 * it. In headless Chromium, logged in as demo: the banner is on the page but not shown, and the rest of the page is.
 */
@InboxAppTest
@ExtendWith(ChromiumPerTest.class)
class WebappsBannerBrowserIT {

    private static final By BANNER = By.cssSelector("[cam-widget-header] .ce-eol-banner");
    private static final By BRAND = By.cssSelector("[cam-widget-header] a.navbar-brand");

    @LocalServerPort
    int port;

    Browser browser;

    @Test
    void tasklistAndCockpitShowNoMigrationBanner() {
        browser.driver.get(url("/camunda/app/tasklist/"));
        WebElement user = browser.waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        user.sendKeys("demo");
        browser.driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();

        assertBannerHiddenAndPageShown("tasklist", By.cssSelector(".tasks-list"));
        browser.screenshot("tasklist-without-banner");

        browser.driver.get(url("/camunda/app/cockpit/default/#/dashboard"));
        assertBannerHiddenAndPageShown("cockpit", By.cssSelector(".stats-section.process-instances"));
        browser.screenshot("cockpit-without-banner");

        browser.driver.get(url("/camunda/app/admin/default/#/users"));
        assertBannerHiddenAndPageShown("admin", By.cssSelector("[ng-view] table"));
    }

    @Test
    void eachWebappServesNurturesUserStylesheet() {
        NurtureClient client = new NurtureClient(port);
        for (String app : List.of("cockpit", "tasklist", "admin", "welcome")) {
            Response css = client.get("/camunda/app/" + app + "/styles/user-styles.css", null);
            assertThat(css.status()).as(app).isEqualTo(200);
            assertThat(css.body()).as(app).contains(".ce-eol-banner").contains("display: none");
        }
    }

    private void assertBannerHiddenAndPageShown(String app, By content) {
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(BRAND));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(content));
        WebElement banner = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(BANNER));
        assertThat(banner.getAttribute("textContent")).as(app + ": the banner Camunda renders")
                .contains("Camunda 8");
        assertThat(banner.isDisplayed()).as(app + ": the banner is hidden").isFalse();
        assertThat(((JavascriptExecutor) browser.driver)
                .executeScript("return getComputedStyle(arguments[0]).display", banner)).isEqualTo("none");
        assertThat(browser.driver.findElement(BRAND).isDisplayed()).as(app + ": the header").isTrue();
        assertThat(browser.driver.findElement(content).isDisplayed()).as(app + ": the page").isTrue();
        assertThat(browser.driver.findElements(By.cssSelector("link[href*='styles/user-styles.css']")))
                .as(app + " loads its user stylesheet").isNotEmpty();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
