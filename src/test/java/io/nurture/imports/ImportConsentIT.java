package io.nurture.imports;

import static io.nurture.imports.Uploads.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nurture.Mailbox;
import io.nurture.NurtureClient;
import io.nurture.SmtpAppTest;
import io.nurture.TestSmtp;

/**
 * Consent from the file decides marketing, with the job executor running and mail going to a real SMTP server: an
 * import that asks for the welcome series starts it for both contacts, and only the one that said yes gets the mail.
 */
@SmtpAppTest
class ImportConsentIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    Uploads uploads;
    String tag;

    @BeforeEach
    void client() {
        uploads = new Uploads(new NurtureClient(port));
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aContactImportedWithoutConsentGetsNoMarketingMail() {
        String yes = "yes-" + tag + "@example.com";
        String none = "none-" + tag + "@example.com";
        String no = "no-" + tag + "@example.com";

        uploads.imported("email,firstName,consent\n" + yes + ",Yara,yes\n" + none + ",Nina,\n" + no + ",Noah,no\n",
                fields("mapping", "{\"consentEmail\": \"consent\", \"startCampaigns\": true}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !Mailbox.to(TestSmtp.server().getReceivedMessages(), yes)
                .isEmpty());
        for (String refused : new String[] { none, no }) {
            String contactId = jdbc.sql("SELECT id FROM contact WHERE email = ?").param(refused).query(String.class)
                    .single();
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("welcome")
                    .processInstanceBusinessKey(contactId).count() + history.createHistoricProcessInstanceQuery()
                            .processDefinitionKey("welcome").processInstanceBusinessKey(contactId).finished().count())
                    .as("the mapping asked for the welcome series").isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> !statuses(contactId).isEmpty());
            assertThat(statuses(contactId)).as("the send step ran and was skipped").containsOnly("SKIPPED");
            assertThat(Mailbox.to(TestSmtp.server().getReceivedMessages(), refused)).as(refused).isEmpty();
        }
    }

    private java.util.List<String> statuses(String contactId) {
        return jdbc.sql("SELECT status FROM delivery WHERE contact_id = ?").param(contactId).query(String.class)
                .list();
    }
}
