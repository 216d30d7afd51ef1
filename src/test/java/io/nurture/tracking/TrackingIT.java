package io.nurture.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.internet.MimeMessage;

import io.nurture.AbstractMailingIT;
import io.nurture.Mailbox;
import io.nurture.NurtureClient.Response;
import io.nurture.channel.TrackingLinks;
import io.nurture.channel.email.MailParts;

/**
 * The links in a real welcome mail, followed as a mail client and a browser would: opens and clicks become events
 * with their delivery, one-click unsubscribe and bounces end the campaign, and a forged link is a 400.
 */
class TrackingIT extends AbstractMailingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("http://track\\.test(/t/[^\\s\"<>]+)");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    TrackingLinks links;

    @Autowired
    ManagementService management;

    @Test
    void opensAndClicksBecomeEventsOfTheirDeliveryAndCountOnce() {
        Lead lead = newLeadWithWelcomeMail();
        String open = lead.link("/t/open/");
        String click = lead.link("/t/click/");

        Response pixel = api.get(open, null);
        assertThat(pixel.status()).isEqualTo(200);
        assertThat(pixel.contentType()).isEqualTo("image/gif");
        api.get(open, null);
        Response redirect = api.get(click, null);
        assertThat(redirect.status()).isEqualTo(302);
        api.get(click, null);

        String deliveryId = lead.deliveryId();
        assertThat(events(lead.contactId(), "email_opened")).containsExactly(deliveryId);
        assertThat(events(lead.contactId(), "email_clicked")).containsExactly(deliveryId);
        String properties = jdbc.sql("SELECT properties FROM contact_event WHERE contact_id = ? AND type = 'email_clicked'")
                .param(lead.contactId()).query(String.class).single();
        assertThat(properties).contains("\"campaign\":\"welcome\"", "\"step\":\"Task_SendWelcomeEmail\"",
                "\"url\":\"https://nurture.example/guides/lifecycle\"");
        JsonNode contact = api.get("/api/contacts/" + lead.contactId(), "demo").json();
        assertThat(contact.get("marketingStatus").asText()).isEqualTo("subscribed");
    }

    @Test
    void theClickRedirectGoesOnlyWhereTheSignedLinkSays() {
        Lead lead = newLeadWithWelcomeMail();
        String click = lead.link("/t/click/");

        Response redirect = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + click)).GET().build());
        assertThat(redirect.status()).isEqualTo(302);
        String target = URI.create(api.baseUrl() + click).getQuery().replaceAll("^u=|&s=.*$", "");
        assertThat(target).isEqualTo("https://nurture.example/guides/lifecycle");

        String evil = URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8);
        assertProblem(api.get(click.replaceFirst("u=[^&]+", "u=" + evil), null));
        assertProblem(api.get(click.substring(0, click.length() - 2) + "xx", null));
        assertProblem(api.get(click.replaceFirst("&s=.*", ""), null));
        assertProblem(api.get(click.replaceFirst("/t/click/[^?]+", "/t/click/" + UUID.randomUUID()), null));
        // even a correctly signed link never redirects outside the web
        String script = links.forDelivery(lead.deliveryId()).click("javascript:alert(1)")
                .replace("http://track.test", "");
        assertProblem(api.get(script, null));
        assertThat(events(lead.contactId(), "email_clicked")).hasSize(1);
    }

    @Test
    void aSignedLinkToAHostNurtureDoesNotLinkToIsA400NotARedirect() {
        Lead lead = newLeadWithWelcomeMail();
        // signed as a cartUrl from an event would have been before nurture.tracking.link-hosts existed
        String offList = links.forDelivery(lead.deliveryId()).click("https://evil.example/login")
                .replace("http://track.test", "");
        String userInfo = links.forDelivery(lead.deliveryId()).click("https://nurture.example@evil.example/")
                .replace("http://track.test", "");

        Response refused = api.get(offList, null);
        assertProblem(refused);
        assertThat(refused.json().get("detail").asText()).contains("evil.example", "nurture.tracking.link-hosts");
        assertProblem(api.get(userInfo, null));
        assertThat(events(lead.contactId(), "email_clicked")).isEmpty();
        assertThat(api.get(lead.link("/t/click/"), null).status()).isEqualTo(302);
    }

    @Test
    void oneClickUnsubscribeEndsTheWelcomeSeriesAndShowsOnTheContact() throws Exception {
        Lead lead = newLeadWithWelcomeMail();
        String unsubscribe = lead.link("/t/unsubscribe/");
        assertThat(lead.mail().getHeader("List-Unsubscribe", null))
                .isEqualTo("<http://track.test" + unsubscribe + ">");

        Response confirm = api.get(unsubscribe, null);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("<form method=\"post\"", lead.email());
        assertThat(contact(lead).get("unsubscribed").asBoolean()).isFalse();

        // what a mail client does for RFC 8058
        Response done = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + unsubscribe))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());

        assertThat(done.status()).isEqualTo(200);
        JsonNode contact = contact(lead);
        assertThat(contact.get("unsubscribed").asBoolean()).isTrue();
        assertThat(contact.get("marketingStatus").asText()).isEqualTo("unsubscribed");
        assertThat(passed(lead, "EndEvent_ExitUnsubscribed")).isTrue();
        assertThat(events(lead.contactId(), "unsubscribed")).containsExactly(lead.deliveryId());
        assertProblem(api.send(HttpRequest.newBuilder(URI.create(api.baseUrl()
                + unsubscribe.replaceFirst("s=.*", "s=forged")))
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build()));
    }

    @Test
    void thePreferencePageSetsConsentPerChannel() {
        Lead lead = newLeadWithWelcomeMail();
        String preferences = lead.link("/t/preferences/");

        Response page = api.get(preferences, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"email\"", "name=\"sms\"");
        Response saved = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + preferences))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("sms=true")).build());

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).contains("Saved.");
        JsonNode consent = contact(lead).get("consent");
        assertThat(consent.get("email").asBoolean()).isFalse();
        assertThat(consent.get("sms").asBoolean()).isTrue();
    }

    @Test
    void tickingEmailOnThePreferencePageResubscribesAndTheNextCampaignMailGoesOutAgain() {
        Lead lead = newLeadWithWelcomeMail();
        String preferences = lead.link("/t/preferences/");
        oneClickUnsubscribe(lead);
        assertThat(contact(lead).get("marketingStatus").asText()).isEqualTo("unsubscribed");
        assertThat(emailBoxTicked(api.get(preferences, null).body())).isFalse();
        JsonNode before = contact(lead);

        Response saved = submitPreferences(preferences, "email=true");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).contains("Saved.").doesNotContain("You unsubscribed");
        assertThat(emailBoxTicked(saved.body())).isTrue();
        assertThat(emailBoxTicked(api.get(preferences, null).body())).isTrue();
        JsonNode contact = contact(lead);
        assertThat(contact.get("unsubscribed").asBoolean()).isFalse();
        assertThat(contact.get("marketingStatus").asText()).isEqualTo("subscribed");
        assertThat(contact.get("consent").get("email").asBoolean()).isTrue();
        // an ordinary event of the contact's history, which neither scores nor moves the stage
        assertThat(events(lead.contactId(), "resubscribed")).containsExactly(lead.deliveryId());
        assertThat(contact.get("score").asInt()).isEqualTo(before.get("score").asInt());
        assertThat(contact.get("stageHistory")).isEqualTo(before.get("stageHistory"));

        // the welcome series ended with the unsubscribe; the next campaign's mail reaches the contact again
        assertThat(api.post("/api/events", """
                {"type": "cart_abandoned", "contactId": "%s"}""".formatted(lead.contactId()), "demo").status())
                .isEqualTo(202);
        String cart = runtime.createProcessInstanceQuery().processDefinitionKey("cart-abandonment")
                .processInstanceBusinessKey(lead.contactId()).singleResult().getId();
        Job reminderTimer = await().atMost(PATIENCE).until(() -> management.createJobQuery().processInstanceId(cart)
                .timers().singleResult(), timer -> timer != null);
        management.executeJob(reminderTimer.getId());
        await().atMost(PATIENCE).until(() -> Mailbox.withSubject(smtp.getReceivedMessages(), lead.email(),
                "You left something in your cart") == 1);
    }

    @Test
    void untickingEmailOnThePreferencePageUnsubscribesAndEndsTheCampaigns() {
        Lead lead = newLeadWithWelcomeMail();
        String preferences = lead.link("/t/preferences/");
        assertThat(emailBoxTicked(api.get(preferences, null).body())).isTrue();

        Response saved = submitPreferences(preferences, ""); // a browser sends no field for an unticked box

        assertThat(saved.status()).isEqualTo(200);
        assertThat(emailBoxTicked(saved.body())).isFalse();
        JsonNode contact = contact(lead);
        assertThat(contact.get("unsubscribed").asBoolean()).isTrue();
        assertThat(contact.get("marketingStatus").asText()).isEqualTo("unsubscribed");
        assertThat(contact.get("consent").get("email").asBoolean()).isFalse();
        assertThat(passed(lead, "EndEvent_ExitUnsubscribed")).isTrue();
        assertThat(events(lead.contactId(), "unsubscribed")).containsExactly(lead.deliveryId());
    }

    @Test
    void afterResubscribingTheSameMailsUnsubscribeLinkUnsubscribesAgain() {
        Lead lead = newLeadWithWelcomeMail();
        String preferences = lead.link("/t/preferences/");
        oneClickUnsubscribe(lead);
        submitPreferences(preferences, "email=true");
        assertThat(contact(lead).get("unsubscribed").asBoolean()).isFalse();

        oneClickUnsubscribe(lead);
        oneClickUnsubscribe(lead); // a second click of the same link in the same period counts once

        assertThat(contact(lead).get("marketingStatus").asText()).isEqualTo("unsubscribed");
        assertThat(events(lead.contactId(), "unsubscribed")).hasSize(2);
        submitPreferences(preferences, "email=true");
        assertThat(contact(lead).get("marketingStatus").asText()).isEqualTo("subscribed");
        assertThat(events(lead.contactId(), "resubscribed")).hasSize(2);
    }

    @Test
    void resubscribingLiftsOnlyTheUnsubscribeNotAHardBounce() {
        Lead lead = newLeadWithWelcomeMail();
        oneClickUnsubscribe(lead);
        bounce(lead, "hard");

        submitPreferences(lead.link("/t/preferences/"), "email=true");

        JsonNode contact = contact(lead);
        assertThat(contact.get("unsubscribed").asBoolean()).isFalse();
        assertThat(contact.get("marketingStatus").asText()).isEqualTo("hard_bounce");
        assertThat(contact.get("suppression").toString()).doesNotContain("unsubscribed");
    }

    @Test
    void aHardBounceSuppressesAndEndsTheSeriesASoftOneDoesNot() {
        Lead lead = newLeadWithWelcomeMail();
        bounce(lead, "soft");
        assertThat(contact(lead).get("marketingStatus").asText()).isEqualTo("subscribed");

        bounce(lead, "hard");

        assertThat(contact(lead).get("marketingStatus").asText()).isEqualTo("hard_bounce");
        assertThat(passed(lead, "EndEvent_ExitBounced")).isTrue();
        assertThat(jdbc.sql("SELECT delivery_id FROM contact_event WHERE contact_id = ? AND type = 'email_bounced'")
                .param(lead.contactId()).query(String.class).list()).containsOnly(lead.deliveryId());
    }

    @Test
    void aSpamComplaintSuppressesAndEndsTheSeries() {
        Lead lead = newLeadWithWelcomeMail();
        Response complaint = api.post("/api/events", """
                {"type": "email_complained", "contactId": "%s", "properties": {"deliveryId": "%s"}}"""
                .formatted(lead.contactId(), lead.deliveryId()), "demo");

        assertThat(complaint.status()).isEqualTo(202);
        assertThat(contact(lead).get("suppression").toString()).contains("complaint");
        assertThat(passed(lead, "EndEvent_ExitSuppressed")).isTrue();
    }

    @Test
    void aBadTimeZoneOrDateIsA400AndStoresNothing() {
        String email = "tz-" + UUID.randomUUID() + "@example.com";
        Response zone = api.post("/api/events", """
                {"type": "form_submitted", "email": "%s", "properties": {"timeZone": "Mars/Olympus"}}"""
                .formatted(email), "demo");
        Response date = api.post("/api/events", """
                {"type": "form_submitted", "email": "%s", "properties": {"dates": {"birthday": "soon"}}}"""
                .formatted(email), "demo");

        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.json().get("detail").asText()).contains("timeZone");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.json().get("detail").asText()).contains("birthday");
        assertThat(api.get("/api/contacts?email=" + email, "demo").json()).isEmpty();
    }

    // --- helpers

    record Lead(String contactId, String email, MimeMessage mail, String text) {

        String link(String prefix) {
            Matcher matcher = LINK.matcher(text);
            while (matcher.find()) {
                if (matcher.group(1).startsWith(prefix)) {
                    return matcher.group(1);
                }
            }
            throw new AssertionError("no " + prefix + " link in " + text);
        }

        String deliveryId() {
            return link("/t/open/").replaceAll("^/t/open/|\\?.*$", "");
        }
    }

    private Lead newLeadWithWelcomeMail() {
        String email = "track-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Response response = api.post("/api/events", """
                {"type": "form_submitted", "email": "%s",
                 "properties": {"firstName": "Tia", "phone": "+4915112345678", "consent": {"email": true}}}"""
                .formatted(email), "demo");
        String contactId = response.json().get("contactId").asText();
        await().atMost(PATIENCE).until(() -> mailTo(email) != null);
        MimeMessage mail = mailTo(email);
        try {
            String text = MailParts.partOfType(mail, "text/plain") + MailParts.partOfType(mail, "text/html");
            return new Lead(contactId, email, mail, text.replace("&amp;", "&"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage mailTo(String email) {
        return Mailbox.to(smtp.getReceivedMessages(), email).stream().findFirst().orElse(null);
    }

    private void oneClickUnsubscribe(Lead lead) {
        Response done = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + lead.link("/t/unsubscribe/")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
    }

    /** The preference form as a browser posts it: only ticked boxes are sent. */
    private Response submitPreferences(String preferences, String form) {
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + preferences))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static boolean emailBoxTicked(String page) {
        Matcher box = Pattern.compile("<input[^>]*name=\"email\"[^>]*>").matcher(page);
        assertThat(box.find()).as("an e-mail box on " + page).isTrue();
        return box.group().contains("checked");
    }

    private void bounce(Lead lead, String type) {
        Response response = api.post("/api/events", """
                {"type": "email_bounced", "contactId": "%s", "properties": {"deliveryId": "%s", "bounceType": "%s"}}"""
                .formatted(lead.contactId(), lead.deliveryId(), type), "demo");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    private JsonNode contact(Lead lead) {
        return api.get("/api/contacts/" + lead.contactId(), "demo").json();
    }

    private List<String> events(String contactId, String type) {
        return jdbc.sql("SELECT delivery_id FROM contact_event WHERE contact_id = ? AND type = ?")
                .params(contactId, type).query(String.class).list();
    }

    private boolean passed(Lead lead, String activityId) {
        return history.createHistoricActivityInstanceQuery().activityId(activityId).list().stream()
                .anyMatch(activity -> lead.contactId().equals(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(activity.getProcessInstanceId()).singleResult().getBusinessKey()));
    }

    private static void assertProblem(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
