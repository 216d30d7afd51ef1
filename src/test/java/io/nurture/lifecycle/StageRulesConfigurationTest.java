package io.nurture.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.nurture.event.EventType;

/** {@code nurture.lifecycle.*} is checked when the application starts, with a message that says what to fix. */
class StageRulesConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(LifecycleConfiguration.class);

    @Configuration
    @EnableConfigurationProperties(LifecycleProperties.class)
    @Import(StageRules.class)
    static class LifecycleConfiguration {
    }

    @Test
    void theDefaultIsTheSevenStagesOfTheDesign() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            StageRules rules = started.getBean(StageRules.class);
            assertThat(rules.stages()).containsExactly(LifecycleStage.values());
            assertThat(rules.initialStage(EventType.PAGE_VIEW, false)).isEqualTo(LifecycleStage.VISITOR);
            assertThat(rules.initialStage(EventType.PAGE_VIEW, true)).isEqualTo(LifecycleStage.LEAD);
            assertThat(rules.initialStage(EventType.PURCHASE, true)).isEqualTo(LifecycleStage.CUSTOMER);
            assertThat(rules.initialStage(EventType.REFERRAL_MADE, true)).as("only from CUSTOMER on")
                    .isEqualTo(LifecycleStage.LEAD);
            assertThat(rules.targetFor(EventType.REFERRAL_MADE, LifecycleStage.CUSTOMER, true))
                    .contains(LifecycleStage.EVANGELIST);
            assertThat(rules.targetFor(EventType.REFERRAL_MADE, LifecycleStage.MQL, true))
                    .contains(LifecycleStage.LEAD);
            assertThat(rules.targetFor(EventType.PAGE_VIEW, LifecycleStage.VISITOR, false)).isEmpty();
            assertThat(rules.recyclePenalty()).isEqualTo(20);
        });
    }

    @Test
    void aShorterFunnelWithOtherRulesIsAccepted() {
        context.withPropertyValues("nurture.lifecycle.stages=LEAD,MQL,SQL,CUSTOMER",
                "nurture.lifecycle.anonymous-stage=LEAD",
                "nurture.lifecycle.rules[0].to=CUSTOMER", "nurture.lifecycle.rules[0].events=purchase,referral_made",
                "nurture.lifecycle.recycling.score-penalty=5")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    StageRules rules = started.getBean(StageRules.class);
                    assertThat(rules.isConfigured(LifecycleStage.VISITOR)).isFalse();
                    assertThat(rules.initialStage(EventType.PAGE_VIEW, false)).isEqualTo(LifecycleStage.LEAD);
                    assertThat(rules.initialStage(EventType.REFERRAL_MADE, true)).isEqualTo(LifecycleStage.CUSTOMER);
                    assertThat(rules.recyclePenalty()).isEqualTo(5);
                });
    }

    @Test
    void anUnknownStageStopsTheStartWithAClearMessage() {
        assertFailsWith("Invalid lifecycle configuration (nurture.lifecycle.* in application.yaml): stages: unknown"
                + " stage 'PROSPECT'; known stages: VISITOR, LEAD, MQL, SQL, OPPORTUNITY, CUSTOMER, EVANGELIST",
                "nurture.lifecycle.stages=VISITOR,LEAD,PROSPECT,MQL");
    }

    @Test
    void stagesOutOfFunnelOrderOrMissingMqlAreRefused() {
        assertFailsWith("stages: 'LEAD' must come after 'MQL'", "nurture.lifecycle.stages=VISITOR,MQL,LEAD");
        assertFailsWith("stages must contain MQL", "nurture.lifecycle.stages=VISITOR,LEAD,SQL");
    }

    @Test
    void badRulesAreRefused() {
        assertFailsWith("rules[0].events: unknown event type 'signed_contract'",
                "nurture.lifecycle.rules[0].to=CUSTOMER", "nurture.lifecycle.rules[0].events=signed_contract");
        assertFailsWith("rules[0]: MQL comes from the decision tables",
                "nurture.lifecycle.rules[0].to=MQL", "nurture.lifecycle.rules[0].events=demo_requested");
        assertFailsWith("rules[0].to: 'EVANGELIST' is not one of the configured stages",
                "nurture.lifecycle.stages=VISITOR,LEAD,MQL,SQL,OPPORTUNITY,CUSTOMER",
                "nurture.lifecycle.rules[0].to=EVANGELIST", "nurture.lifecycle.rules[0].events=referral_made");
        assertFailsWith("recycling.score-penalty must be zero or positive",
                "nurture.lifecycle.recycling.score-penalty=-5");
    }

    private void assertFailsWith(String message, String... properties) {
        context.withPropertyValues(properties).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidLifecycleConfigurationException.class).hasMessageContaining(message);
        });
    }
}
