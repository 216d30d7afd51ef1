package io.nurture.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.nurture.contact.LifecycleStage;
import io.nurture.event.EventType;

/** {@code nurture.lifecycle.*} is checked when the application starts, with a message that says what to fix. */
class StageRulesConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(LifecycleConfiguration.class);

    @Configuration
    @EnableConfigurationProperties(LifecycleProperties.class)
    @Import({ Funnel.class, StageRules.class })
    static class LifecycleConfiguration {
    }

    @Test
    void theDefaultIsTheSevenStagesOfTheDesign() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            StageRules rules = started.getBean(StageRules.class);
            Funnel funnel = started.getBean(Funnel.class);
            assertThat(funnel.stages()).containsExactly(LifecycleStage.VISITOR, LifecycleStage.LEAD,
                    LifecycleStage.MQL, LifecycleStage.SQL, LifecycleStage.OPPORTUNITY, LifecycleStage.CUSTOMER,
                    LifecycleStage.EVANGELIST);
            for (StageRole role : StageRole.values()) {
                assertThat(funnel.stageOf(role)).as(role.key()).contains(role.defaultStage());
            }
            assertThat(rules.recycleStage()).isEqualTo(LifecycleStage.LEAD);
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
    void aSitesOwnEventTypeCanMoveAStage() {
        context.withPropertyValues("nurture.lifecycle.stages=VISITOR,LEAD,PQL,MQL,SQL,OPPORTUNITY,CUSTOMER,EVANGELIST",
                "nurture.lifecycle.rules[0].to=PQL", "nurture.lifecycle.rules[0].events=trial_started,seat_added",
                "nurture.lifecycle.rules[0].from=LEAD")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    StageRules rules = started.getBean(StageRules.class);
                    EventType trialStarted = EventType.normalise("Trial Started").orElseThrow();
                    assertThat(rules.targetFor(trialStarted, LifecycleStage.LEAD, true))
                            .contains(LifecycleStage.of("PQL"));
                    assertThat(rules.targetFor(EventType.fromWireName("seat_added").orElseThrow(),
                            LifecycleStage.LEAD, true)).contains(LifecycleStage.of("PQL"));
                    assertThat(rules.targetFor(EventType.fromWireName("trial_ended").orElseThrow(),
                            LifecycleStage.LEAD, true)).as("no rule").contains(LifecycleStage.LEAD);
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
                    Funnel funnel = started.getBean(Funnel.class);
                    assertThat(funnel.isConfigured(LifecycleStage.VISITOR)).isFalse();
                    assertThat(funnel.stageOf(StageRole.OPPORTUNITY)).isEmpty();
                    assertThat(funnel.stageOf(StageRole.ADVOCATE)).isEmpty();
                    assertThat(funnel.require(StageRole.CUSTOMER)).isEqualTo(LifecycleStage.CUSTOMER);
                    assertThat(rules.initialStage(EventType.PAGE_VIEW, false)).isEqualTo(LifecycleStage.LEAD);
                    assertThat(rules.initialStage(EventType.REFERRAL_MADE, true)).isEqualTo(LifecycleStage.CUSTOMER);
                    assertThat(rules.recyclePenalty()).isEqualTo(5);
                });
    }

    @Test
    void aTeamAddsItsOwnStagesInItsOwnOrder() {
        context.withPropertyValues("nurture.lifecycle.stages=VISITOR,LEAD,pql,MQL,SAL,SQL,OPPORTUNITY,CUSTOMER,"
                + "EVANGELIST", "nurture.lifecycle.rules[0].to=PQL",
                "nurture.lifecycle.rules[0].events=pricing_page_view").run(started -> {
                    assertThat(started).hasNotFailed();
                    Funnel funnel = started.getBean(Funnel.class);
                    LifecycleStage pql = LifecycleStage.of("PQL");
                    assertThat(funnel.stages()).extracting(LifecycleStage::name).containsExactly("VISITOR", "LEAD",
                            "PQL", "MQL", "SAL", "SQL", "OPPORTUNITY", "CUSTOMER", "EVANGELIST");
                    assertThat(funnel.isBefore(pql, LifecycleStage.MQL)).isTrue();
                    assertThat(funnel.previous(LifecycleStage.SQL)).contains(LifecycleStage.of("SAL"));
                    StageRules rules = started.getBean(StageRules.class);
                    assertThat(rules.targetFor(EventType.PRICING_PAGE_VIEW, LifecycleStage.LEAD, true))
                            .contains(pql);
                });
    }

    @Test
    void aRenamedStageKeepsItsRole() {
        context.withPropertyValues("nurture.lifecycle.stages=VISITOR,PROSPECT,MQL,SQL,OPPORTUNITY,CUSTOMER,PROMOTER",
                "nurture.lifecycle.roles.known=PROSPECT", "nurture.lifecycle.roles.advocate=promoter",
                "nurture.lifecycle.rules[0].to=PROSPECT", "nurture.lifecycle.rules[0].events=form_submitted")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    Funnel funnel = started.getBean(Funnel.class);
                    assertThat(funnel.require(StageRole.KNOWN)).isEqualTo(LifecycleStage.of("PROSPECT"));
                    assertThat(funnel.stageFor("advocate")).isEqualTo("PROMOTER");
                    StageRules rules = started.getBean(StageRules.class);
                    assertThat(rules.initialStage(EventType.PAGE_VIEW, true)).isEqualTo(LifecycleStage.of("PROSPECT"));
                    assertThat(rules.recycleStage()).as("recycling follows the known stage")
                            .isEqualTo(LifecycleStage.of("PROSPECT"));
                });
    }

    @Test
    void theOlderKeysForTheStartingStagesStillWork() {
        context.withPropertyValues("nurture.lifecycle.stages=LEAD,MQL", "nurture.lifecycle.anonymous-stage=LEAD",
                "nurture.lifecycle.known-stage=LEAD", "nurture.lifecycle.rules[0].to=LEAD",
                "nurture.lifecycle.rules[0].events=form_submitted").run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(Funnel.class).require(StageRole.ANONYMOUS))
                            .isEqualTo(LifecycleStage.LEAD);
                });
        assertFailsWith("roles.known is 'LEAD' but its older name known-stage is 'MQL'; keep one",
                "nurture.lifecycle.roles.known=LEAD", "nurture.lifecycle.known-stage=MQL");
    }

    @Test
    void badStageNamesStopTheStartWithAClearMessage() {
        assertFailsWith("Invalid lifecycle configuration (nurture.lifecycle.* in application.yaml): stages:"
                + " 'PRODUCT QUALIFIED' is not a stage name (letters, digits and _, starting with a letter, at most"
                + " 20 characters)", "nurture.lifecycle.stages=VISITOR,LEAD,PRODUCT QUALIFIED,MQL");
        assertFailsWith("stages: 'PRODUCT_QUALIFIED_LEAD' is not a stage name",
                "nurture.lifecycle.stages=LEAD,PRODUCT_QUALIFIED_LEAD,MQL");
        assertFailsWith("stages: '1ST_CALL' is not a stage name", "nurture.lifecycle.stages=LEAD,1ST_CALL,MQL");
        assertFailsWith("stages: a stage name is blank", "nurture.lifecycle.stages[0]=LEAD",
                "nurture.lifecycle.stages[1]= ", "nurture.lifecycle.stages[2]=MQL");
        assertFailsWith("stages: 'lead' is listed twice", "nurture.lifecycle.stages=VISITOR,LEAD,lead,MQL");
    }

    @Test
    void rolesMustNameConfiguredStagesInFunnelOrder() {
        assertFailsWith("stages must contain MQL, or roles.qualified must name the stage that plays this role",
                "nurture.lifecycle.stages=VISITOR,LEAD,SQL");
        assertFailsWith("roles.qualified: 'MARKETING_QUALIFIED' is not one of the configured stages",
                "nurture.lifecycle.roles.qualified=MARKETING_QUALIFIED");
        assertFailsWith("roles: the qualified stage MQL must come after the known stage LEAD",
                "nurture.lifecycle.stages=VISITOR,MQL,LEAD,SQL,OPPORTUNITY,CUSTOMER,EVANGELIST");
        assertFailsWith("roles: the customer stage CUSTOMER must come after the opportunity stage OPPORTUNITY",
                "nurture.lifecycle.stages=VISITOR,LEAD,MQL,SQL,CUSTOMER,OPPORTUNITY,EVANGELIST");
        assertFailsWith("roles: the known stage LEAD must come after the anonymous stage VISITOR",
                "nurture.lifecycle.stages=LEAD,VISITOR,MQL");
        assertFailsWith("roles.customer: an opportunity stage needs a customer stage for won deals",
                "nurture.lifecycle.stages=LEAD,MQL,OPPORTUNITY");
    }

    @Test
    void badRulesAreRefused() {
        assertFailsWith("rules[0].events: 'Signed Contract' is not an event type in lower snake case",
                "nurture.lifecycle.rules[0].to=CUSTOMER", "nurture.lifecycle.rules[0].events=Signed Contract");
        assertFailsWith("rules[0]: MQL (the qualified stage) comes from the decision tables",
                "nurture.lifecycle.rules[0].to=MQL", "nurture.lifecycle.rules[0].events=demo_requested");
        assertFailsWith("rules[0].to: 'EVANGELIST' is not one of the configured stages",
                "nurture.lifecycle.stages=VISITOR,LEAD,MQL,SQL,OPPORTUNITY,CUSTOMER",
                "nurture.lifecycle.rules[0].to=EVANGELIST", "nurture.lifecycle.rules[0].events=referral_made");
        assertFailsWith("rules[0].to: 'PQL' is not one of the configured stages [VISITOR, LEAD, MQL, SQL, OPPORTUNITY,"
                + " CUSTOMER, EVANGELIST]", "nurture.lifecycle.rules[0].to=PQL",
                "nurture.lifecycle.rules[0].events=pricing_page_view");
        assertFailsWith("recycling.stage: 'NURTURE' is not one of the configured stages",
                "nurture.lifecycle.recycling.stage=NURTURE");
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
