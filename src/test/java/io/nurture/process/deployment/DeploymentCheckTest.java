package io.nurture.process.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The check on files: everything Nurture ships passes, each malicious file fails naming its element and rule. */
class DeploymentCheckTest {

    private static final Path PROCESSES = Path.of("processes");

    @Test
    void everyShippedDiagramDecisionTableAndFormAndEveryTestDiagramPasses() throws IOException {
        List<Path> files = new ArrayList<>(deployable(PROCESSES));
        try (Stream<Path> test = Files.walk(Path.of("src/test/resources"))) {
            test.filter(file -> file.toString().endsWith(".bpmn"))
                    .filter(file -> !file.startsWith(Path.of("src/test/resources/process/deployment")))
                    .forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(18)
                .anyMatch(file -> file.endsWith("lead-handoff.bpmn")).anyMatch(file -> file.endsWith("fit-score.dmn"))
                .anyMatch(file -> file.endsWith("qualify-lead.form"))
                .anyMatch(file -> file.endsWith("engagement-caller.bpmn"));
        for (Path file : files) {
            List<Finding> findings = DeploymentCheck.check(file.getFileName().toString(), Files.readAllBytes(file),
                    false);
            assertThat(findings).as(file + ": " + findings.stream().map(Finding::describe).toList()).isEmpty();
        }
        // the one carrier diagram among the malicious files is clean on its own
        assertThat(DeploymentCheck.check("carrier.bpmn", MaliciousDiagram.read("carrier.bpmn"), false)).isEmpty();
    }

    @Test
    void everyExpressionAnElementTemplateWritesIsAllowed() throws IOException {
        List<String> expressions = new ArrayList<>();
        try (Stream<Path> templates = Files.list(PROCESSES.resolve(".camunda/element-templates"))) {
            for (Path template : templates.filter(file -> file.toString().endsWith(".json")).toList()) {
                collectExpressions(new ObjectMapper().readTree(template.toFile()), expressions);
            }
        }
        assertThat(expressions).contains("${sendEmail}", "#{execution.processBusinessKey}").hasSizeGreaterThan(20);
        for (String expression : expressions) {
            assertThat(ExpressionSubset.refusals(expression)).as(expression).isEmpty();
        }
    }

    /**
     * The segment trigger template writes the properties the deployment reads, with the changes it knows and the
     * segment name's limit. Whether Modeler accepts each template is checked by {@code npm run lint} in
     * {@code processes/} (Modeler's own validator, run by {@code ./mvnw verify}).
     */
    @Test
    void theSegmentTriggerTemplateWritesWhatTheDeploymentReads() throws IOException {
        JsonNode template = new ObjectMapper().readTree(PROCESSES
                .resolve(".camunda/element-templates/nurture-segment-trigger.json").toFile());
        assertThat(template.get("id").asText()).isEqualTo("io.nurture.segmentTrigger");
        assertThat(template.get("appliesTo")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("bpmn:StartEvent", "bpmn:IntermediateCatchEvent", "bpmn:BoundaryEvent");
        JsonNode segment = template.get("properties").get(0);
        assertThat(segment.get("binding").get("type").asText()).isEqualTo("camunda:property");
        assertThat(segment.get("binding").get("name").asText()).isEqualTo(SegmentTrigger.SEGMENT_PROPERTY);
        assertThat(segment.get("constraints").get("notEmpty").asBoolean()).isTrue();
        assertThat(segment.get("constraints").get("maxLength").asInt()).isEqualTo(SegmentTrigger.MAX_SEGMENT_NAME);
        JsonNode change = template.get("properties").get(1);
        assertThat(change.get("binding").get("type").asText()).isEqualTo("camunda:property");
        assertThat(change.get("binding").get("name").asText()).isEqualTo(SegmentTrigger.CHANGE_PROPERTY);
        assertThat(change.get("type").asText()).isEqualTo("Dropdown");
        assertThat(change.get("choices").findValuesAsText("value")).containsExactlyElementsOf(
                Stream.of(SegmentTrigger.Change.values()).map(value -> value.value).toList());
        assertThat(change.get("value").asText()).isEqualTo("entered");
    }

    @ParameterizedTest
    @EnumSource(MaliciousDiagram.class)
    void eachMaliciousFileIsRefusedNamingItsElementAndTheRule(MaliciousDiagram diagram) {
        List<Finding> findings = new ArrayList<>();
        for (String file : diagram.files) {
            findings.addAll(DeploymentCheck.check(file, MaliciousDiagram.read(file), false));
        }
        assertThat(findings).as(diagram.name()).anySatisfy(finding -> {
            assertThat(finding.elementId() == null ? finding.resource() : finding.elementId()).isEqualTo(diagram.named);
            assertThat(finding.getMessage()).startsWith(diagram.rule + ": ").contains(diagram.reason);
        });
        assertThat(findings).allSatisfy(finding -> assertThat(finding.describe()).startsWith(finding.resource()));
    }

    @Test
    void aFindingCarriesTheLineOfItsElementForModeler() {
        Finding finding = DeploymentCheck.check("java-class.bpmn", MaliciousDiagram.read("java-class.bpmn"), false)
                .get(0);
        assertThat(finding.getMainElementId()).isEqualTo("Task_RunClass");
        assertThat(finding.getElementIds()).containsExactly("Task_RunClass");
        assertThat(finding.getLine()).isEqualTo(9);
        assertThat(finding.describe()).startsWith("java-class.bpmn, Task_RunClass (line 9): no Java class names: ");
    }

    @Test
    void withTheEngineLegacyFeelDefaultADecisionWithoutExpressionLanguageIsJuelAndRefused() throws IOException {
        byte[] table = Files.readAllBytes(PROCESSES.resolve("lead-routing.dmn"));
        assertThat(DeploymentCheck.check("lead-routing.dmn", table, false)).isEmpty();
        assertThat(DeploymentCheck.check("lead-routing.dmn", table, true)).isNotEmpty()
                .allSatisfy(finding -> assertThat(finding.rule()).isEqualTo(Rule.DMN_LANGUAGE));
    }

    @Test
    void onlyDiagramsDecisionTablesAndFormsMayBeDeployed() {
        for (String name : new String[] { "evil.js", "script.groovy", "form.html", "case.cmmn", "welcome.bpmn20.xml",
                "WELCOME.BPMN", "diagram.png" }) {
            assertThat(DeploymentCheck.check(name, new byte[0], false)).as(name).singleElement()
                    .satisfies(finding -> assertThat(finding.rule()).isEqualTo(Rule.FILE_TYPE));
        }
        assertThat(DeploymentCheck.check("forms/qualify-lead.form", "{}".getBytes(), false)).isEmpty();
    }

    private static List<Path> deployable(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().matches(".*\\.(bpmn|dmn|form)$"))
                    .filter(file -> !file.toString().contains("node_modules")).toList();
        }
    }

    private static void collectExpressions(JsonNode node, List<String> expressions) {
        // values and descriptions alike: a description shows the marketer what to write
        if (node.isTextual() && (node.asText().contains("${") || node.asText().contains("#{"))) {
            expressions.add(node.asText());
        }
        node.forEach(child -> collectExpressions(child, expressions));
    }
}
