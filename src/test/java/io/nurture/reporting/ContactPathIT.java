package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;
import io.nurture.channel.TrackingLinks;

/**
 * {@code GET /dashboard/contacts/{id}/path} over HTTP: a lead whose first welcome mail was sent and clicked, now
 * waiting two days for the next step; with the contact page's access (the dashboard's session and groups).
 */
@InboxAppTest
class ContactPathIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TrackingLinks links;

    NurtureClient api;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    @Test
    void theWelcomeInstanceShowsTheWayToTheTimerWithTheClickedMail() {
        String contactId = ClickedWelcomeMail.lead(api, jdbc, links, "Ada");
        NurtureClient marketer = loggedIn("cockpit", "marketer");

        Response response = marketer.get("/dashboard/contacts/" + contactId + "/path", null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode path = response.json();
        assertThat(path.get("contactId").asText()).isEqualTo(contactId);
        JsonNode welcome = instanceOf(path, "welcome");
        String instanceId = api.get("/engine-rest/process-instance?processDefinitionKey=welcome&businessKey="
                + contactId, "demo").json().get(0).get("id").asText();
        assertThat(welcome.get("id").asText()).isEqualTo(instanceId);
        assertThat(welcome.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(welcome.get("version").asInt()).isPositive();
        assertThat(welcome.get("cockpitPath").asText()).endsWith("/process-instance/" + instanceId);
        assertThat(welcome.get("bpmnXml").asText()).contains("id=\"welcome\"", "Task_SendWelcomeEmail",
                "bpmndi:BPMNDiagram");

        // start → send → timer, each once; the timer still running
        assertThat(texts(welcome.get("passed"), "activityId"))
                .containsExactly("StartEvent_NewLead", "Task_SendWelcomeEmail", "Timer_Wait2Days");
        assertThat(texts(welcome.get("passed"), "times")).containsOnly("1");
        assertThat(texts(welcome.get("passed"), "name")).containsExactly("New lead", "Send welcome e-mail",
                "Wait 2 days");
        assertThat(welcome.get("passed").get(1).has("ended")).isTrue();
        assertThat(welcome.get("passed").get(2).has("ended")).as("still waiting").isFalse();
        // the two flows between them, none further (the timer has not fired)
        assertThat(texts(welcome.get("flows"), null))
                .containsExactlyInAnyOrder("Flow_NewLead_SendWelcomeEmail", "Flow_SendWelcomeEmail_Wait2Days");
        assertThat(texts(welcome.get("waiting"), null)).containsExactly("Timer_Wait2Days");

        JsonNode sends = welcome.get("sends");
        assertThat(sends).hasSize(1);
        JsonNode send = sends.get(0);
        assertThat(send.get("step").asText()).isEqualTo("Task_SendWelcomeEmail");
        assertThat(send.get("channel").asText()).isEqualToIgnoringCase("email");
        assertThat(send.get("template").asText()).isEqualTo("welcome-1");
        assertThat(send.get("status").asText()).isEqualTo("SENT");
        assertThat(send.has("sentAt")).isTrue();
        assertThat(send.has("clickedAt")).isTrue();
        assertThat(send.get("openedAt").asText()).as("a click counts as an open")
                .isEqualTo(send.get("clickedAt").asText());
    }

    @Test
    void onlyTheDashboardGroupsReachIt() {
        String contactId = jdbc.sql("SELECT id FROM contact FETCH FIRST 1 ROWS ONLY").query(String.class).optional()
                .orElseGet(() -> ClickedWelcomeMail.lead(api, jdbc, links, "Bea"));
        String path = "/dashboard/contacts/" + contactId + "/path";

        Response anonymous = api.get(path, null);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(api.get(path, "marketer").status()).as("HTTP Basic is the API's, not the dashboard's")
                .isEqualTo(302);
        Response sdr = loggedIn("tasklist", "sdr").get(path, null);
        assertThat(sdr.status()).isEqualTo(403);
        assertThat(sdr.body()).doesNotContain("instances", "bpmnXml");
        assertThat(loggedIn("tasklist", "sales").get(path, null).status()).isEqualTo(200);
        assertThat(loggedIn("cockpit", "demo").get(path, null).status()).isEqualTo(200);
    }

    @Test
    void anUnknownContactIsANotFoundProblem() {
        Response response = loggedIn("cockpit", "marketer").get("/dashboard/contacts/no-such-contact/path", null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("no-such-contact");
    }

    private NurtureClient loggedIn(String app, String user) {
        NurtureClient client = new NurtureClient(port);
        assertThat(client.webappLogin(app, user, user).status()).isEqualTo(200);
        return client;
    }

    private static JsonNode instanceOf(JsonNode path, String processKey) {
        for (JsonNode instance : path.get("instances")) {
            if (instance.get("processKey").asText().equals(processKey)) {
                return instance;
            }
        }
        throw new AssertionError("no " + processKey + " instance in " + path);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(field == null ? node.asText() : node.get(field).asText()));
        return texts;
    }
}
