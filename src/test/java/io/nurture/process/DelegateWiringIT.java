package io.nurture.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.nurture.JobsOffAppTest;

/**
 * Every {@code ${bean}} that a diagram or an element template in {@code processes/} names is a bean of the app and in
 * the engine's bean map, so a marketer's pick in Modeler never ends as "Unknown property used in expression" at run
 * time, while no expression can reach the rest of the application (its data source, the engine's services).
 */
@JobsOffAppTest
class DelegateWiringIT {

    private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");
    /** The first name in any expression: {@code ${funnel.stageFor('customer')}}, {@code ${!accepted}}. */
    private static final Pattern EXPRESSION_ROOT = Pattern.compile("[$#]\\{\\s*!?\\s*([A-Za-z_]\\w*)");

    @Autowired
    ApplicationContext context;

    @Autowired
    ProcessEngine engine;

    @Test
    void everyDelegateExpressionInProcessesResolvesToABean() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(bpmn|json)$"))
                    .filter(f -> !f.toString().contains("node_modules") && !f.getFileName().toString().startsWith("package"))
                    .toList()) {
                Matcher matcher = Pattern.compile("delegateExpression=\"([^\"]+)\"|\"value\": \"(\\$\\{\\w+})\"")
                        .matcher(Files.readString(file));
                while (matcher.find()) {
                    String expression = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                    Matcher bean = DELEGATE_EXPRESSION.matcher(expression);
                    assertThat(bean.matches()).as(file + ": " + expression).isTrue();
                    named.add(bean.group(1));
                }
            }
        }
        assertThat(named).contains("sendEmail", "setLifecycleStage", "disqualifyContact", "recordTaskActor", "sendSms",
                "sendWebhook", "sendInApp", "readContact", "updateScore", "enrolInCampaign", "sunsetContact",
                "splitTest", "endSplit", "startReEngagement", "fireDateTriggers");
        for (String bean : named) {
            assertThat(context.containsBean(bean)).as("bean '" + bean + "'").isTrue();
            assertThat(expressionBeans()).as("the engine's beans hold '" + bean + "'").containsKey(bean);
            assertThat(expressionBeans().get(bean)).isSameAs(context.getBean(bean));
        }
    }

    /** The engine resolves expressions against its bean map only: the beans the diagrams name, nothing else. */
    @Test
    void theEnginesBeansAreTheOnesTheDiagramsNameAndNoOthers() throws IOException {
        Set<String> namedBeans = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher matcher = EXPRESSION_ROOT.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (context.containsBean(matcher.group(1))) {
                        namedBeans.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(namedBeans).contains("funnel", "sendEmail", "recordTaskActor", "requireRoutableDecision");
        assertThat(expressionBeans().keySet()).containsAll(namedBeans);

        for (String infrastructure : List.of("jdbcTemplate", "dataSource", "jdbcClient", "transactionManager",
                "processEngineFactoryBean", "runtimeService", "repositoryService", "identityService", "taskService",
                "managementService", "processEngineConfigurationImpl")) {
            assertThat(context.containsBean(infrastructure)).as("'" + infrastructure + "' is a bean").isTrue();
            assertThat(expressionBeans()).as("the engine's beans").doesNotContainKey(infrastructure);
        }
        for (Object name : expressionBeans().keySet()) {
            assertThat(context.getType((String) name).getName()).as("bean '" + name + "'").startsWith("io.nurture.");
        }
    }

    private Map<Object, Object> expressionBeans() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBeans();
    }
}
