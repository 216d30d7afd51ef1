package io.nurture.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.AbstractMailingIT;
import io.nurture.NurtureClient.Response;

/**
 * The simulator over HTTP against the real engine: the shipped welcome series lived by the persona matrix over its
 * eight weeks, compared with the timeline worked out by hand from the diagram and the decision tables; scripted
 * behaviour; an edited diagram not yet deployed that breaks the frequency cap; and nothing of Nurture's touched.
 */
class SimulationIT extends AbstractMailingIT {

    private static final String START = "2027-01-04T09:00:00Z"; // a Monday
    private static final List<String> SERIES = List.of("Welcome to Nurture", "Three ways to get started",
            "How Acme doubled its pipeline", "Join our live demo", "Inside Nurture: scoring that sales trusts",
            "From 40 to 400 MQLs a month", "What is a lead worth to you?", "The nurture playbook",
            "Nurture, Mautic or HubSpot?", "Where to go from here");
    private static final List<Double> SERIES_DAYS = List.of(0.0, 3.0, 7.0, 14.0, 21.0, 28.0, 35.0, 42.0, 49.0, 56.0);

    @Autowired
    JdbcClient jdbc;

    @Value("${nurture.channels.frequency-cap.max}")
    int frequencyCap;

    @Test
    void thePersonaMatrixLivesTheWelcomeSeriesAsWorkedOutByHand() {
        Response response = simulate("""
                {"campaign": "welcome", "startAt": "%s"}""".formatted(START));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("source").asText()).isEqualTo("deployed");
        assertThat(result.get("findings")).as(result.get("findings").toString()).isEmpty();
        assertThat(names(result)).containsExactly("High fit, engaged", "High fit, silent", "Low fit, engaged",
                "Low fit, silent");

        // silent: all ten mails a week or less apart, both SMS, the in-app tip on day 10, out on day 56
        for (JsonNode silent : List.of(timeline(result, "High fit, silent"), timeline(result, "Low fit, silent"))) {
            assertThat(subjects(silent, "email")).containsExactlyElementsOf(SERIES);
            assertThat(days(silent, "send", "email")).containsExactlyElementsOf(SERIES_DAYS);
            assertThat(days(silent, "send", "sms")).containsExactly(2.0, 24.0);
            assertThat(days(silent, "send", "inapp")).containsExactly(10.0);
            assertThat(silent.get("summary").get("exit").asText()).isEqualTo("Series finished");
            assertThat(silent.get("summary").get("exitDay").asDouble()).isEqualTo(56.0);
        }

        // high fit: on day 7 the gateway reads fit 50 and creates the SDR call, due two simulated days later;
        // nobody calls, so "Not called in 7 days" fires on day 14
        JsonNode highSilent = timeline(result, "High fit, silent");
        assertThat(detailOf(highSilent, "decision", "Gateway_HighFit"))
                .isEqualTo("took 'fit score ≥ 50' (${fitScore >= 50}; fitScore = 50)");
        JsonNode task = entry(highSilent, "task", "Task_CallHighFitLead");
        assertThat(task.get("day").asDouble()).isEqualTo(7.0);
        assertThat(task.get("until").asText()).isEqualTo("2027-01-13T09:00:00Z");
        assertThat(task.get("detail").asText()).startsWith("for sdr");
        assertThat(entry(highSilent, "wait", "Timer_CallNotMade").get("until").asText())
                .isEqualTo("2027-01-18T09:00:00Z");
        assertThat(detailOf(timeline(result, "Low fit, silent"), "decision", "Gateway_HighFit"))
                .isEqualTo("took 'below 50' (the default: no other condition held; fitScore = 10)");

        // high fit, engaged: fit 50 plus 1 per open and 3 per click of every second mail (behaviour-score.dmn):
        // 51 (d0), 55 (d3), 56 (d7), 57 and then 60 two hours after the fourth mail, the MQL threshold (score 60,
        // fit 10): it becomes an MQL and leaves by the goal on day 14, after four mails
        JsonNode engaged = timeline(result, "High fit, engaged");
        assertThat(subjects(engaged, "email")).containsExactlyElementsOf(SERIES.subList(0, 4));
        assertThat(detailsOf(engaged, "score")).containsExactly(
                "+1 behaviour (event email_opened): score 50 → 51",
                "+1 behaviour (event email_opened): score 51 → 52",
                "+3 behaviour (event email_clicked): score 52 → 55",
                "+1 behaviour (event email_opened): score 55 → 56",
                "+1 behaviour (event email_opened): score 56 → 57",
                "+3 behaviour (event email_clicked): score 57 → 60");
        assertThat(detailsOf(engaged, "stage")).containsExactly(
                "LEAD → MQL: Score 60 (fit 50) reached the MQL threshold");
        assertThat(engaged.get("summary").get("exit").asText()).isEqualTo("Reached MQL or later");
        assertThat(engaged.get("summary").get("exitDay").asDouble()).isEqualTo(14.08);
        assertThat(engaged.get("summary").get("stage").asText()).isEqualTo("MQL");

        // low fit, engaged: never near the threshold, so the whole series
        JsonNode lowEngaged = timeline(result, "Low fit, engaged");
        assertThat(subjects(lowEngaged, "email")).containsExactlyElementsOf(SERIES);
        // the tenth mail's open and click come after the series has ended: they change nothing the campaign sees
        assertThat(lowEngaged.get("summary").get("score").asInt()).isEqualTo(10 + 9 + 4 * 3);

        JsonNode first = entry(timeline(result, "Low fit, silent"), "send", "Task_SendWelcomeEmail");
        assertThat(first.get("text").asText()).startsWith("Hi Ken,").contains("Welcome to Nurture!");
    }

    @Test
    void aScriptedDemoRequestMakesAnMqlThatLeavesAndAnUnsubscribeEndsTheSeries() {
        Response response = simulate("""
                {"campaign": "welcome", "startAt": "%s", "personas": [
                  {"preset": "low-fit-silent", "name": "Asks for a demo",
                   "script": [{"day": 20, "event": "Demo Requested"}]},
                  {"name": "Leaves early", "profile": {"firstName": "Mo", "fitScore": 20, "consentSms": false},
                   "script": [{"day": 5.5, "event": "unsubscribed"}]}]}""".formatted(START));
        assertThat(response.status()).as(response.body()).isEqualTo(200);

        JsonNode demo = timeline(response.json(), "Asks for a demo");
        assertThat(detailsOf(demo, "stage")).containsExactly("LEAD → MQL: Demo request: straight to an SDR");
        assertThat(demo.get("summary").get("exit").asText()).isEqualTo("Reached MQL or later");
        assertThat(demo.get("summary").get("exitDay").asDouble()).isEqualTo(20.0);
        assertThat(days(demo, "send", "email")).containsExactly(0.0, 3.0, 7.0, 14.0);

        JsonNode leaves = timeline(response.json(), "Leaves early");
        assertThat(days(leaves, "send", "email")).containsExactly(0.0, 3.0);
        assertThat(detailOf(leaves, "skip", "Task_SendWelcomeSms")).isEqualTo("not sent: no sms consent");
        assertThat(leaves.get("summary").get("exit").asText()).isEqualTo("Left: unsubscribed");
        assertThat(leaves.get("summary").get("exitDay").asDouble()).isEqualTo(5.5);
    }

    @Test
    void anEditedDiagramNotYetDeployedThatMailsTooOftenIsCaughtByTheFrequencyCap() throws IOException {
        // one more marketing mail at once than the cap allows in its period (nurture.channels.frequency-cap)
        Response response = simulate(new ObjectMapper().writeValueAsString(Map.of("bpmn",
                mailsAtOnce(frequencyCap + 1), "startAt", START, "days", 14,
                "personas", List.of(Map.of("preset", "low-fit-silent")))));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("source").asText()).isEqualTo("uploaded");
        JsonNode timeline = timeline(result, "Low fit, silent");
        List<Double> days = days(timeline, "send", "email");
        assertThat(days).hasSize(frequencyCap + 1);
        assertThat(days.subList(0, frequencyCap)).containsOnly(0.0);
        assertThat(days.get(frequencyCap)).as("the one over the cap waits until the first is a week old")
                .isEqualTo(7.0);
        assertThat(entry(timeline, "delay", "Task_SendMail").get("until").asText())
                .isEqualTo("2027-01-11T09:00:00Z");
        assertThat(result.get("findings")).hasSize(1);
        assertThat(result.get("findings").get(0).get("kind").asText()).isEqualTo("frequency-cap");
        assertThat(result.get("findings").get(0).get("message").asText())
                .contains("'Send a mail'", "frequency cap " + frequencyCap + " per 7 days");
        assertThat(timeline.get("summary").get("exit").asText()).isEqualTo("Done");
    }

    @Test
    void aCampaignStillRunningAtTheHorizonIsAFinding() {
        Response response = simulate("""
                {"campaign": "welcome", "startAt": "%s", "days": 30, "personas": [{"preset": "low-fit-silent"}]}"""
                .formatted(START));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode finding = response.json().get("findings").get(0);
        assertThat(finding.get("kind").asText()).isEqualTo("no-exit");
        assertThat(finding.get("message").asText()).contains("after 30 days", "Wait 7 days");
        assertThat(days(timeline(response.json(), "Low fit, silent"), "send", "email"))
                .containsExactly(0.0, 3.0, 7.0, 14.0, 21.0, 28.0);
    }

    @Test
    void nothingIsSentAndNoRowOfNurtureOrItsEngineChanges() {
        Map<String, Long> before = counts();
        int mailsBefore = smtp.getReceivedMessages().length;

        assertThat(simulate("""
                {"campaign": "welcome", "startAt": "%s"}""".formatted(START)).status()).isEqualTo(200);

        assertThat(counts()).isEqualTo(before);
        assertThat(smtp.getReceivedMessages()).hasSize(mailsBefore);
    }

    @Test
    void badRequestsAreProblemsNamingTheFieldAndRunNothing() {
        Map<String, Long> before = counts();
        refused("{\"campaign\": \"welcome\", \"bogus\": 1}", 400, "bogus");
        refused("{\"campaign\": \"welcome\", \"days\": \"many\"}", 400, "days");
        refused("{\"campaign\": \"welcome\", \"days\": 1000}", 400, "days");
        refused("{\"campaign\": \"welcome\", \"bpmn\": \"<x/>\"}", 400, "campaign");
        refused("{}", 400, "campaign");
        refused("{\"campaign\": \"no-such-campaign\"}", 404, "no-such-campaign");
        refused("{\"campaign\": \"welcome\", \"version\": 999}", 404, "version 999");
        refused("{\"campaign\": \"../../etc\"}", 400, "campaign");
        refused("{\"bpmn\": \"not xml at all\"}", 400, "bpmn");
        refused("{\"bpmn\": " + quoted(scriptTaskDiagram()) + "}", 400, "script");
        refused("{\"campaign\": \"welcome\", \"personas\": [{\"preset\": \"vip\"}]}", 400, "personas[0].preset");
        refused("{\"campaign\": \"welcome\", \"personas\": [{\"script\": [{\"day\": 400, \"event\": \"x\"}]}]}", 400,
                "personas[0].script[0].day");
        refused("{\"campaign\": \"welcome\", \"personas\": [{\"script\": [{\"day\": 1}]}]}", 400,
                "personas[0].script[0]");
        refused("{\"campaign\": \"welcome\", \"personas\": [{\"profile\": {\"timeZone\": \"Mars/Olympus\"}}]}", 400,
                "personas[0].profile.timeZone");
        refused("{\"campaign\": \"welcome\", \"personas\": [{\"profile\": {\"stage\": \"KING\"}}]}", 400,
                "personas[0].profile.stage");
        refused("{\"campaign\": \"welcome\", \"variables\": {\"x\": {\"y\": 1}}}", 400, "variables.x");
        refused("{\"campaign\": \"welcome\", \"personas\": [" + "{\"preset\": \"low-fit-silent\"},".repeat(8)
                + "{\"preset\": \"low-fit-silent\"}]}", 400, "personas");
        refused("{\"campaign\": \"welcome\", \"variables\": " + "{\"a\": ".repeat(40) + "1" + "}".repeat(40) + "}",
                400, null);
        refused("{\"bpmn\": \"" + "x".repeat(60_001) + "\"}", 400, "bpmn");
        refused("{\"bpmn\": \"" + "x".repeat(70_000) + "\"}", 413, null);
        refused("campaign=welcome", 400, "not valid JSON");
        assertThat(counts()).isEqualTo(before);
    }

    private void refused(String body, int status, String field) {
        Response response = simulate(body);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("detail").asText()).contains(field);
        }
    }

    private Response simulate(String body) {
        return api.post("/api/simulations", body, "marketer");
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("contact", "delivery", "contact_event", "stage_transition", "ACT_RU_EXECUTION",
                "ACT_RU_JOB", "ACT_HI_PROCINST", "ACT_HI_DECINST", "ACT_RE_DEPLOYMENT", "ACT_RE_PROCDEF")) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    private static List<String> names(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.get("timelines").forEach(timeline -> names.add(timeline.get("persona").asText()));
        return names;
    }

    static JsonNode timeline(JsonNode result, String persona) {
        for (JsonNode timeline : result.get("timelines")) {
            if (timeline.get("persona").asText().equals(persona)) {
                return timeline;
            }
        }
        throw new AssertionError("no timeline for " + persona + " in " + result);
    }

    static List<String> subjects(JsonNode timeline, String channel) {
        List<String> subjects = new ArrayList<>();
        timeline.get("entries").forEach(entry -> {
            if (entry.get("kind").asText().equals("send") && entry.get("channel").asText().equals(channel)) {
                subjects.add(entry.get("subject").asText());
            }
        });
        return subjects;
    }

    static List<Double> days(JsonNode timeline, String kind, String channel) {
        List<Double> days = new ArrayList<>();
        timeline.get("entries").forEach(entry -> {
            if (entry.get("kind").asText().equals(kind) && entry.path("channel").asText().equals(channel)) {
                days.add(entry.get("day").asDouble());
            }
        });
        return days;
    }

    private static List<String> detailsOf(JsonNode timeline, String kind) {
        List<String> details = new ArrayList<>();
        timeline.get("entries").forEach(entry -> {
            if (entry.get("kind").asText().equals(kind)) {
                details.add(entry.get("detail").asText());
            }
        });
        return details;
    }

    private static String detailOf(JsonNode timeline, String kind, String step) {
        return entry(timeline, kind, step).get("detail").asText();
    }

    private static JsonNode entry(JsonNode timeline, String kind, String step) {
        for (JsonNode entry : timeline.get("entries")) {
            if (entry.get("kind").asText().equals(kind) && entry.path("step").asText().equals(step)) {
                return entry;
            }
        }
        throw new AssertionError("no " + kind + " at " + step + " in " + timeline);
    }

    private static String quoted(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A diagram with one e-mail step run {@code count} times in a row by a sequential multi-instance. */
    private static String mailsAtOnce(int count) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://nurture.io/bpmn">
                  <process id="mails-at-once" name="Mails at once" isExecutable="true"
                      camunda:historyTimeToLive="P30D">
                    <startEvent id="StartEvent_Start" name="Start"/>
                    <sequenceFlow id="Flow_Start_SendMail" sourceRef="StartEvent_Start" targetRef="Task_SendMail"/>
                    <serviceTask id="Task_SendMail" name="Send a mail" camunda:asyncBefore="true"
                        camunda:delegateExpression="${sendEmail}">
                      <extensionElements>
                        <camunda:inputOutput>
                          <camunda:inputParameter name="template">welcome-1</camunda:inputParameter>
                          <camunda:inputParameter name="subject">Again</camunda:inputParameter>
                        </camunda:inputOutput>
                      </extensionElements>
                      <multiInstanceLoopCharacteristics isSequential="true">
                        <loopCardinality>%d</loopCardinality>
                      </multiInstanceLoopCharacteristics>
                    </serviceTask>
                    <sequenceFlow id="Flow_SendMail_Done" sourceRef="Task_SendMail" targetRef="EndEvent_Done"/>
                    <endEvent id="EndEvent_Done" name="Done"/>
                  </process>
                </definitions>""".formatted(count);
    }

    private static String scriptTaskDiagram() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
                  <process id="evil" isExecutable="true">
                    <startEvent id="s"/>
                    <sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
                    <scriptTask id="t" scriptFormat="javascript">
                      <script>java.lang.Runtime.getRuntime()</script>
                    </scriptTask>
                    <sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
                    <endEvent id="e"/>
                  </process>
                </definitions>""";
    }
}
