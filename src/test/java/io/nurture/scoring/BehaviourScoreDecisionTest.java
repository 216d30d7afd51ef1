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
            "email_bounced, -5"
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

    private DmnDecisionTableResult evaluate(String eventType) {
        return decisionService.evaluateDecisionTableByKey("behaviour-score",
                Variables.putValue("eventType", eventType));
    }
}
