package io.nurture.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nurture.contact.LifecycleStage;

/** The configured order decides, not the order the built-in stages were written down in. */
class FunnelTest {

    private static final LifecycleStage PQL = LifecycleStage.of("PQL");
    private static final LifecycleStage SAL = LifecycleStage.of("SAL");

    private final Funnel funnel = funnel(List.of("VISITOR", "LEAD", "PQL", "MQL", "SAL", "SQL", "OPPORTUNITY",
            "CUSTOMER", "EVANGELIST"), new LifecycleProperties.Roles(null, null, null, null, null, null, null));

    @Test
    void ranksFollowTheConfiguredList() {
        assertThat(funnel.rankOf(LifecycleStage.VISITOR)).isZero();
        assertThat(funnel.rankOf(PQL)).isEqualTo(2);
        assertThat(funnel.rankOf(LifecycleStage.MQL)).isEqualTo(3);
        assertThat(funnel.isBefore(PQL, LifecycleStage.MQL)).isTrue();
        assertThat(funnel.isBefore(LifecycleStage.MQL, PQL)).isFalse();
        assertThat(funnel.isAtLeast(SAL, LifecycleStage.MQL)).isTrue();
        assertThat(funnel.isAtLeast(PQL, PQL)).isTrue();
        assertThat(funnel.isAtLeast(PQL, LifecycleStage.MQL)).isFalse();
        assertThat(funnel.previous(LifecycleStage.MQL)).contains(PQL);
        assertThat(funnel.previous(LifecycleStage.VISITOR)).isEmpty();
    }

    @Test
    void rolesKeepTheirDefaultStagesAroundCustomOnes() {
        assertThat(funnel.require(StageRole.QUALIFIED)).isEqualTo(LifecycleStage.MQL);
        assertThat(funnel.plays(LifecycleStage.SQL, StageRole.SALES_ACCEPTED)).isTrue();
        assertThat(funnel.plays(SAL, StageRole.SALES_ACCEPTED)).isFalse();
        assertThat(funnel.stageFor("sales-accepted")).isEqualTo("SQL");
        assertThatThrownBy(() -> funnel.stageFor("champion")).isInstanceOf(UnknownStageException.class)
                .hasMessage("Unknown stage role 'champion'; roles are [anonymous, known, qualified, sales-accepted,"
                        + " opportunity, customer, advocate]");
    }

    @Test
    void aRoleCanBePlayedByACustomStage() {
        Funnel renamed = funnel(List.of("VISITOR", "LEAD", "MQL", "SAL", "OPPORTUNITY", "CUSTOMER"),
                new LifecycleProperties.Roles(null, null, null, "SAL", null, null, null));
        assertThat(renamed.require(StageRole.SALES_ACCEPTED)).isEqualTo(SAL);
        assertThat(renamed.stageOf(StageRole.ADVOCATE)).as("optional, and EVANGELIST is not listed").isEmpty();
        assertThatThrownBy(() -> renamed.require(StageRole.ADVOCATE)).hasMessageContaining(
                "No stage plays the role advocate (nurture.lifecycle.roles.advocate)");
    }

    @Test
    void parsingAcceptsAnyCaseButOnlyConfiguredStages() {
        assertThat(funnel.parse(" pql ")).isEqualTo(PQL);
        assertThatThrownBy(() -> funnel.parse("PROSPECT")).isInstanceOf(UnknownStageException.class)
                .hasMessage("Unknown stage 'PROSPECT'; the configured stages (nurture.lifecycle.stages) are [VISITOR,"
                        + " LEAD, PQL, MQL, SAL, SQL, OPPORTUNITY, CUSTOMER, EVANGELIST]");
        assertThatThrownBy(() -> funnel.parse("no such stage")).isInstanceOf(UnknownStageException.class);
        assertThatThrownBy(() -> funnel.parse(null)).isInstanceOf(UnknownStageException.class);
        assertThatThrownBy(() -> funnel.rankOf(LifecycleStage.of("PROSPECT")))
                .isInstanceOf(UnknownStageException.class);
    }

    @Test
    void aStageIsItsUpperCaseName() {
        assertThat(LifecycleStage.of("pql")).isEqualTo(PQL).hasToString("PQL");
        assertThatThrownBy(() -> LifecycleStage.of("A_NAME_LONGER_THAN_20")).isInstanceOf(
                IllegalArgumentException.class);
    }

    private static Funnel funnel(List<String> stages, LifecycleProperties.Roles roles) {
        return new Funnel(new LifecycleProperties(stages, roles, null, null, List.of(),
                new LifecycleProperties.Recycling(null, 20)));
    }
}
