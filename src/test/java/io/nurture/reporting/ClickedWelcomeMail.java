package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.nurture.NurtureClient;
import io.nurture.channel.TrackingLinks;

/**
 * A new lead whose welcome series sent its first mail, which the lead opened by clicking its link; the instance then
 * waits on the timer before the next send ("Wait 2 days").
 */
final class ClickedWelcomeMail {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private ClickedWelcomeMail() {
    }

    /** The contact's id, once its welcome mail is sent and clicked. */
    static String lead(NurtureClient api, JdbcClient jdbc, TrackingLinks links, String firstName) {
        String email = firstName.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var response = api.post("/api/events", """
                {"type": "form_submitted", "email": "%s",
                 "properties": {"firstName": "%s", "lastName": "Path", "company": "Path Co", "source": "whitepaper",
                                "consent": {"email": true}}}""".formatted(email, firstName), "integration");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        String contactId = response.json().get("contactId").asText();
        await().atMost(PATIENCE).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM delivery
                WHERE contact_id = ? AND step = 'Task_SendWelcomeEmail' AND status = 'SENT'""")
                .param(contactId).query(Long.class).single() == 1);
        String deliveryId = jdbc.sql("SELECT id FROM delivery WHERE contact_id = ? AND step = 'Task_SendWelcomeEmail'")
                .param(contactId).query(String.class).single();
        URI click = URI.create(links.forDelivery(deliveryId).click("https://nurture.example/guides/lifecycle"));
        assertThat(api.get(click.getRawPath() + "?" + click.getRawQuery(), null).status()).isEqualTo(302);
        await().atMost(PATIENCE).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM delivery_report WHERE delivery_id = ? AND clicked_at IS NOT NULL")
                .param(deliveryId).query(Long.class).single() == 1);
        return contactId;
    }
}
