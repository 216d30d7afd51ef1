package io.nurture.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;
import io.nurture.reporting.Browser;
import io.nurture.reporting.ChromiumPerTest;

/**
 * A plain HTML form on a site of its own (a JDK HTTP server on another local origin, {@code http://localhost:<port>})
 * that posts to Nurture's {@code /f/test-browser}, filled and sent in headless Chromium as a visitor does: the
 * browser lands on Nurture's thank-you page and the contact is there. Screenshots land in
 * {@code target/screenshots/}.
 */
@InboxAppTest
@ExtendWith(ChromiumPerTest.class)
class FormBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpServer site;
    Browser browser;
    NurtureClient api;

    @BeforeEach
    void open() throws IOException {
        api = new NurtureClient(port);
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = signupPage().getBytes(StandardCharsets.UTF_8);
        site.createContext("/signup.html", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        site.start();
    }

    @AfterEach
    void close() {
        site.stop(0);
    }

    @Test
    void aVisitorFillsThePlainFormOnTheSiteAndBecomesALead() throws IOException {
        String email = "browser-" + UUID.randomUUID() + "@example.com";
        browser.driver.get(siteUrl());
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.name("email"))).sendKeys(email);
        browser.driver.findElement(By.name("firstName")).sendKeys("Zoë");
        browser.driver.findElement(By.name("company")).sendKeys("李 Trading");
        browser.driver.findElement(By.name("consent")).click();
        browser.screenshot("form-filled");
        browser.driver.findElement(By.id("subscribe")).click();

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("heading"), "Thank you"));
        assertThat(browser.driver.getCurrentUrl()).isEqualTo("http://127.0.0.1:" + port + "/f/test-browser");
        browser.screenshot("form-thank-you");

        JsonNode contact = contacts(email).get(0);
        assertThat(contact.get("lifecycleStage").asText()).isEqualTo("LEAD");
        assertThat(contact.get("firstName").asText()).isEqualTo("Zoë");
        assertThat(contact.get("company").asText()).isEqualTo("李 Trading");
        assertThat(contact.get("source").asText()).isEqualTo("test-browser");
        assertThat(contact.get("consent").get("email").asBoolean()).isTrue();
        String properties = jdbc.sql("SELECT properties FROM contact_event WHERE contact_id = ?")
                .param(contact.get("id").asText()).query(String.class).single();
        JsonNode event = JSON.readTree(properties);
        assertThat(event.get("consentText").asText()).isEqualTo("Send me the newsletter.");
        assertThat(event.get("url").asText()).as("the page, as far as the browser's referrer policy tells")
                .startsWith("http://localhost:" + site.getAddress().getPort() + "/");
    }

    @Test
    void aBotThatFillsTheHiddenHoneypotSeesThanksAndIsNotStored() {
        String email = "bot-" + UUID.randomUUID() + "@example.com";
        browser.driver.get(siteUrl());
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.name("email"))).sendKeys(email);
        ((JavascriptExecutor) browser.driver).executeScript(
                "document.querySelector('[name=website_url]').value = 'http://spam.example/'");
        browser.driver.findElement(By.id("subscribe")).click();

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("heading"), "Thank you"));
        assertThat(contacts(email)).isEmpty();
    }

    /** The origin differs from Nurture's in host and port: localhost vs 127.0.0.1. */
    private String siteUrl() {
        return "http://localhost:" + site.getAddress().getPort() + "/signup.html";
    }

    /** The README's snippet, pointed at this Nurture. */
    private String signupPage() {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Sign up</title></head><body>
                <form action="http://127.0.0.1:%d/f/test-browser" method="post">
                  <label>E-mail <input type="email" name="email" required></label>
                  <label>First name <input type="text" name="firstName"></label>
                  <label>Company <input type="text" name="company"></label>
                  <div style="position:absolute; left:-10000px" aria-hidden="true">
                    <input type="text" name="website_url" tabindex="-1" autocomplete="off">
                  </div>
                  <label><input type="checkbox" name="consent"> Send me the newsletter.</label>
                  <button type="submit" id="subscribe">Subscribe</button>
                </form>
                </body></html>
                """.formatted(port);
    }

    private List<JsonNode> contacts(String email) {
        NurtureClient.Response response = api.get("/api/contacts?email=" + URLEncoder.encode(email,
                StandardCharsets.UTF_8), "demo");
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        response.json().forEach(found::add);
        return found;
    }
}
