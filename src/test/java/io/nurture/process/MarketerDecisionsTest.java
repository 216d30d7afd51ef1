package io.nurture.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Remembered answers never outlive the version that gave them: a table redeployed on this node decides the next call,
 * one deployed through another node the first call after {@link MarketerDecisions#REFRESH}.
 */
class MarketerDecisionsTest {

    private static final DeploymentGenerations DEPLOYMENTS_HERE = new DeploymentGenerations();

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(engine()).build();

    private final AtomicLong nanoTime = new AtomicLong();
    private MarketerDecisions decisions;

    /** An engine of its own, with the plugin that tells this node's deployments. */
    private static ProcessEngine engine() {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("marketer-decisions-test");
        configuration.setJdbcUrl("jdbc:h2:mem:marketer-decisions-test;DB_CLOSE_DELAY=1000");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setJobExecutorActivate(false);
        configuration.getProcessEnginePlugins().add(DEPLOYMENTS_HERE);
        return configuration.buildProcessEngine();
    }

    @BeforeEach
    void decisions() {
        decisions = new MarketerDecisions(extension.getDecisionService(), extension.getRepositoryService(),
                DEPLOYMENTS_HERE, nanoTime::get);
    }

    @AfterEach
    void undeploy() {
        extension.getRepositoryService().createDeploymentQuery().list()
                .forEach(d -> extension.getRepositoryService().deleteDeployment(d.getId(), true));
    }

    @Test
    void theSameInputsAreEvaluatedOncePerVersion() {
        deploy(10);

        assertThat(decisions.evaluate("memo-points", inputs("page_view", "/pricing"))).containsExactly(points(10));
        assertThat(decisions.evaluate("memo-points", inputs("page_view", "/pricing"))).containsExactly(points(10));
        assertThat(decisions.evaluate("memo-points", inputs("page_view", null))).isEmpty();

        assertThat(extension.getHistoryService().createHistoricDecisionInstanceQuery().count())
                .as("one evaluation per distinct input").isEqualTo(2);
    }

    @Test
    void aRedeployedTableDecidesTheNextCallWithTheSameInputs() {
        deploy(10);
        assertThat(decisions.evaluate("memo-points", inputs("page_view", "/pricing"))).containsExactly(points(10));

        deploy(25);

        assertThat(decisions.evaluate("memo-points", inputs("page_view", "/pricing"))).containsExactly(points(25));
    }

    @Test
    void aTableDeployedThroughAnotherNodeDecidesOnceTheVersionIsLookedUpAgain() {
        MarketerDecisions otherNode = new MarketerDecisions(extension.getDecisionService(),
                extension.getRepositoryService(), new DeploymentGenerations(), nanoTime::get);
        deploy(10);
        assertThat(otherNode.evaluate("memo-points", inputs("page_view", "/pricing"))).containsExactly(points(10));

        deploy(25);
        nanoTime.addAndGet(MarketerDecisions.REFRESH.toNanos() - 1);
        assertThat(otherNode.evaluate("memo-points", inputs("page_view", "/pricing"))).as("within the refresh")
                .containsExactly(points(10));
        nanoTime.addAndGet(1);

        assertThat(otherNode.evaluate("memo-points", inputs("page_view", "/pricing"))).containsExactly(points(25));
    }

    @Test
    void aTableThatIsNotDeployedIsNotFound() {
        assertThatThrownBy(() -> decisions.evaluate("memo-points", inputs("page_view", "/pricing")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("memo-points");
    }

    private static Map<String, Object> inputs(String eventType, String page) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("eventType", eventType);
        inputs.put("pagePath", page);
        return inputs;
    }

    private static Map<String, Object> points(int points) {
        return Map.of("points", points);
    }

    private static void deploy(int points) {
        extension.getRepositoryService().createDeployment()
                .addString("memo-points.dmn", table(points)).deploy();
    }

    private static String table(int points) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Memo" name="Memo" namespace="test">
                  <decision id="memo-points" name="Memo points" camunda:historyTimeToLive="P1D">
                    <decisionTable id="Table" hitPolicy="COLLECT" aggregation="SUM">
                      <input id="Type"><inputExpression typeRef="string"><text>eventType</text></inputExpression></input>
                      <input id="Page"><inputExpression typeRef="string"><text>pagePath</text></inputExpression></input>
                      <output id="Points" name="points" typeRef="integer" />
                      <rule id="Pricing">
                        <inputEntry id="PricingType"><text>"page_view"</text></inputEntry>
                        <inputEntry id="PricingPage"><text>starts with(?, "/pricing")</text></inputEntry>
                        <outputEntry id="PricingPoints"><text>%d</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(points);
    }
}
