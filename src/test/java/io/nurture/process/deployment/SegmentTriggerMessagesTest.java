package io.nurture.process.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.junit.jupiter.api.Test;

/** The rewrite of a diagram as Modeler saves it after the "Segment entered / left" template was applied. */
class SegmentTriggerMessagesTest {

    @Test
    void aNoneStartEventAndABoundaryEventGetTheSegmentsMessages() {
        byte[] rewritten = SegmentTriggerMessages.rewrite("segment-trigger.bpmn", read("segment-trigger.bpmn"));

        BpmnModelInstance model = model(rewritten);
        assertThat(messageOf(model, "Start_EnteredSegment")).isEqualTo("segment-entered:High-fit DE");
        assertThat(messageOf(model, "Boundary_LeftSegment")).isEqualTo("segment-left:High-fit DE");
        assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactlyInAnyOrder("segment-entered:High-fit DE", "segment-left:High-fit DE");
        // the template's properties stay, so Modeler still shows the element as templated
        assertThat(new String(rewritten, StandardCharsets.UTF_8)).contains("camunda:modelerTemplate=\"io.nurture.segmentTrigger\"",
                "name=\"nurture.segment\" value=\"High-fit DE\"", "id=\"Boundary_LeftSegment_di\"")
                .doesNotContain("\n\n").doesNotContainPattern("\n\\s+\n");
        assertThat(DeploymentCheck.check("segment-trigger.bpmn", rewritten, false)).isEmpty();
    }

    @Test
    void aMessageTheMarketerTypedIsReplacedOnTheEventAndKeptDeclaredAndAnEmptyOneIsFilledIn() {
        byte[] rewritten = SegmentTriggerMessages.rewrite("catch.bpmn", read("segment-trigger-catch.bpmn"));

        BpmnModelInstance model = model(rewritten);
        assertThat(messageOf(model, "Start_EnteredSegment")).isEqualTo("segment-entered:High-fit DE");
        assertThat(messageOf(model, "Catch_LeftSegment")).isEqualTo("segment-left:High-fit DE");
        assertThat(definitions(model, "Catch_LeftSegment")).singleElement()
                .satisfies(definition -> assertThat(definition.getId()).isEqualTo("MessageEventDefinition_Catch"));
        assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
                .contains("segment-entered:High-fit");
    }

    @Test
    void theRewriteIsIdempotentAndADiagramWithoutTriggersIsUntouchedByteForByte() throws Exception {
        byte[] once = SegmentTriggerMessages.rewrite("segment-trigger.bpmn", read("segment-trigger.bpmn"));
        assertThat(SegmentTriggerMessages.rewrite("segment-trigger.bpmn", once)).isSameAs(once);

        for (Path shipped : List.of(Path.of("processes/welcome.bpmn"), Path.of("processes/drip.bpmn"))) {
            byte[] bytes = Files.readAllBytes(shipped);
            assertThat(SegmentTriggerMessages.rewrite(shipped.getFileName().toString(), bytes)).isSameAs(bytes);
        }
        byte[] decisions = Files.readAllBytes(Path.of("processes/fit-score.dmn"));
        assertThat(SegmentTriggerMessages.rewrite("fit-score.dmn", decisions)).isSameAs(decisions);
    }

    @Test
    void anExistingMessageOfTheRightNameIsReused() {
        String diagram = new String(read("segment-trigger-catch.bpmn"), StandardCharsets.UTF_8)
                .replace("name=\"segment-entered:High-fit\"", "name=\"segment-entered:High-fit DE\"");

        BpmnModelInstance model = model(SegmentTriggerMessages.rewrite("catch.bpmn",
                diagram.getBytes(StandardCharsets.UTF_8)));

        assertThat(((MessageEventDefinition) definitions(model, "Start_EnteredSegment").get(0)).getMessage().getId())
                .isEqualTo("Message_Typed");
        assertThat(model.getModelElementsByType(Message.class)).hasSize(2);
    }

    @Test
    void aBadTriggerIsAFindingNamingItsElement() {
        String diagram = new String(read("segment-trigger.bpmn"), StandardCharsets.UTF_8);
        assertThat(findings(first(diagram, "value=\"  \"")))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.elementId()).isEqualTo("Start_EnteredSegment");
                    assertThat(finding.rule()).isEqualTo(Rule.SEGMENT_TRIGGER);
                    assertThat(finding.getMessage()).contains("nurture.segment", "1 to 200 characters", "found none");
                });
        assertThat(findings(diagram.replace("value=\"High-fit DE\"", "value=\"" + "x".repeat(201) + "\"")))
                .hasSize(2).allSatisfy(finding -> assertThat(finding.getMessage()).contains("found 201 characters"));
        assertThat(findings(diagram.replace("value=\"High-fit DE\"", "value=\"" + "x".repeat(200) + "\""))).isEmpty();
        assertThat(findings(diagram.replace("value=\"left\"", "value=\"joined\""))).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.elementId()).isEqualTo("Boundary_LeftSegment");
                    assertThat(finding.getMessage()).contains("'entered' or 'left'", "'joined'");
                });
        assertThat(findings(diagram.replace("<bpmn:outgoing>Flow_ToLeft</bpmn:outgoing>",
                "<bpmn:outgoing>Flow_ToLeft</bpmn:outgoing><bpmn:timerEventDefinition id=\"Timer_1\"/>")))
                .singleElement().satisfies(finding -> assertThat(finding.getMessage()).contains("timerEventDefinition"));
        assertThat(findings(diagram.replace("<bpmn:receiveTask id=\"Task_WaitForCall\" name=\"Wait for the sales call\">",
                "<bpmn:receiveTask id=\"Task_WaitForCall\" name=\"Wait for the sales call\"><bpmn:extensionElements>"
                        + "<camunda:properties><camunda:property name=\"nurture.segment\" value=\"High-fit DE\"/>"
                        + "</camunda:properties></bpmn:extensionElements>")))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.elementId()).isEqualTo("Task_WaitForCall");
                    assertThat(finding.getMessage()).contains("receiveTask");
                });
        assertThat(findings(first(diagram, "value=\"Fit ${x}\""))).isNotEmpty()
                .anySatisfy(finding -> assertThat(finding.rule()).isEqualTo(Rule.SEGMENT_TRIGGER));
    }

    /** The diagram with its first segment name (the start event's) replaced by {@code attribute}. */
    private static String first(String diagram, String attribute) {
        int at = diagram.indexOf("value=\"High-fit DE\"");
        return diagram.substring(0, at) + attribute + diagram.substring(at + "value=\"High-fit DE\"".length());
    }

    private static List<Finding> findings(String diagram) {
        return DeploymentCheck.check("segment-trigger.bpmn", diagram.getBytes(StandardCharsets.UTF_8), false);
    }

    private static String messageOf(BpmnModelInstance model, String eventId) {
        List<EventDefinition> definitions = definitions(model, eventId);
        assertThat(definitions).as(eventId).hasSize(1).first().isInstanceOf(MessageEventDefinition.class);
        return ((MessageEventDefinition) definitions.get(0)).getMessage().getName();
    }

    private static List<EventDefinition> definitions(BpmnModelInstance model, String eventId) {
        Event event = model.getModelElementById(eventId);
        return List.copyOf(event.getChildElementsByType(EventDefinition.class));
    }

    private static BpmnModelInstance model(byte[] bpmn) {
        return Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    }

    private static byte[] read(String name) {
        return MaliciousDiagram.read(name);
    }
}
