package io.nurture.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The marketer-editable behaviour score table (processes/behaviour-score.dmn):
 * COLLECT / SUM of the points of every matching rule; no match = empty result (the Java side counts 0).
 */
@Deployment(resources = "processes/behaviour-score.dmn")
class BehaviourScoreDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    private DecisionService decisionService;

    @BeforeEach
    void setUp() {
        decisionService = extension.getDecisionService();
    }

    @ParameterizedTest(name = "{0} scores {1}")
    @CsvSource({
            "page_view, 1",
            "pricing_page_view, 10",
            "form_submitted, 10",
            "content_downloaded, 8",
            "webinar_registered, 8",
            "webinar_attended, 15",
            "newsletter_subscribed, 5",
            "email_opened, 1",
            "email_clicked, 3",
            "demo_requested, 30",
            "contact_us, 25",
            "product_inquiry, 25",
            "cart_abandoned, 5",
            "purchase, 20",
            "unsubscribed, -10",
            "email_bounced, -5",
            "trial_started, 20"
    })
    void scoresEachKnownEventType(String eventType, int points) {
        DmnDecisionTableResult result = evaluate(eventType);

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys("points");
        assertThat((Object) result.getSingleEntry()).isEqualTo(points);
    }

    @Test
    void eventWithoutARuleScoresNothing() {
        assertThat(evaluate("referral_made")).isEmpty();
        assertThat(evaluate("nps_submitted")).isEmpty();
        assertThat(evaluate("webinar_replay_watched")).as("a custom type without a rule").isEmpty();
        assertThat(evaluate("profile_updated")).isEmpty();
        assertThat(evaluate("company_identified")).isEmpty();
    }

    @Test
    void decisionIsDeployedUnderItsStableKey() {
        assertThat(extension.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey("behaviour-score").singleResult())
                .isNotNull()
                .satisfies(definition -> {
                    assertThat(definition.getName()).isEqualTo("Behaviour score");
                    assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);
                });
    }

    @ParameterizedTest(name = "{0} on {1} after {2} visits, {3} minutes, scores {4}")
    @CsvSource(nullValues = "null", value = {
            "page_view, /blog/scoring, 0, 0, 1",
            "page_view, /blog/scoring, 1, 0, 1",
            "page_view, /blog/scoring, 2, 0, 3",
            "page_view, /pricing, 0, 0, 10",
            "page_view, /pricing/enterprise, 5, 0, 12",
            "page_view, null, 0, 0, 1",
            "webinar_attended, null, 0, 10, 15",
            "webinar_attended, null, 0, 45, 25"
    })
    void propertiesOfTheEventAddToItsPoints(String eventType, String pagePath, int visitsBefore, int minutes,
            int points) {
        DmnDecisionTableResult result = decisionService.evaluateDecisionTableByKey("behaviour-score",
                Variables.putValue("eventType", eventType).putValue("pagePath", pagePath)
                        .putValue("visitsBefore", visitsBefore).putValue("attendedMinutes", minutes));

        assertThat((Object) result.getSingleEntry()).isEqualTo(points);
    }

    private DmnDecisionTableResult evaluate(String eventType) {
        return decisionService.evaluateDecisionTableByKey("behaviour-score",
                Variables.putValue("eventType", eventType).putValue("pagePath", null).putValue("visitsBefore", 0)
                        .putValue("attendedMinutes", 0));
    }
}
