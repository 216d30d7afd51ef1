package io.nurture.process.deployment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.w3c.dom.Node;

/**
 * Makes each segment trigger of a diagram listen for its message, with the Camunda model API: the event gets a
 * message event definition whose message is named {@code segment-entered:<segment>} (or {@code segment-left:}),
 * reusing a {@code bpmn:message} of that name or declaring one; a message the marketer had set that names something
 * else is replaced on this event (and kept for others), and a none start event becomes a message start event. The
 * stored diagram, what Cockpit shows and downloads, is then plain BPMN. A diagram that needs no change, with no
 * trigger or already rewritten, is returned as the same bytes.
 */
final class SegmentTriggerMessages {

    private SegmentTriggerMessages() {
    }

    /** {@code bpmn} must have passed {@link DeploymentCheck#check(String, byte[], boolean)}. */
    static byte[] rewrite(String resource, byte[] bpmn) {
        if (!resource.endsWith(".bpmn") || bpmn == null) {
            return bpmn;
        }
        List<Finding> findings = new ArrayList<>();
        List<SegmentTrigger> triggers;
        try {
            XmlElement definitions = XmlTree.parse(bpmn);
            if (!SegmentTrigger.anyIn(definitions)) {
                return bpmn;
            }
            triggers = SegmentTrigger.read(resource, definitions, findings);
        } catch (XmlTree.NotReadable e) {
            return bpmn;
        }
        if (!findings.isEmpty()) {
            throw new IllegalArgumentException(findings.get(0).describe());
        }
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
        boolean changed = false;
        for (SegmentTrigger trigger : triggers) {
            if (trigger.elementId() != null && model.getModelElementById(trigger.elementId()) instanceof Event event) {
                changed |= listen(model, event, trigger.messageName());
            }
        }
        if (!changed) {
            return bpmn;
        }
        // the serializer indents anew and would keep the old indentation too, a blank line between any two elements
        dropIndentation(model.getDocument().getDomSource().getNode());
        return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
    }

    private static void dropIndentation(Node node) {
        for (Node child = node.getFirstChild(); child != null;) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getNodeValue().isBlank()) {
                node.removeChild(child);
            } else {
                dropIndentation(child);
            }
            child = next;
        }
    }

    private static boolean listen(BpmnModelInstance model, Event event, String messageName) {
        List<EventDefinition> definitions = new ArrayList<>(event.getChildElementsByType(EventDefinition.class));
        MessageEventDefinition listening = definitions.stream().filter(MessageEventDefinition.class::isInstance)
                .map(MessageEventDefinition.class::cast).findFirst().orElse(null);
        if (listening != null && listening.getMessage() != null
                && messageName.equals(listening.getMessage().getName())) {
            return false;
        }
        if (listening == null) {
            listening = model.newInstance(MessageEventDefinition.class);
            listening.setId(freeId(model, event.getId() + "_Message"));
            event.addChildElement(listening);
        }
        listening.setMessage(message(model, messageName));
        return true;
    }

    private static Message message(BpmnModelInstance model, String name) {
        for (Message message : model.getModelElementsByType(Message.class)) {
            if (Objects.equals(name, message.getName())) {
                return message;
            }
        }
        Message message = model.newInstance(Message.class);
        message.setId(freeId(model, "Message_" + name.replaceAll("[^A-Za-z0-9]+", "_")));
        message.setName(name);
        Definitions definitions = model.getDefinitions();
        definitions.addChildElement(message);
        return message;
    }

    private static String freeId(BpmnModelInstance model, String wanted) {
        String id = wanted;
        for (int n = 2; model.getModelElementById(id) != null; n++) {
            id = wanted + "_" + n;
        }
        return id;
    }
}
