package io.nurture.process.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An event a marketer made a segment trigger with the "Segment entered / left" element template
 * ({@code processes/.camunda/element-templates/nurture-segment-trigger.json}): two {@code camunda:property} values,
 * the segment's name and the change. C7 element templates cannot bind a message name, so at deployment
 * {@link SegmentTriggerMessages} gives the event the message {@code segment-entered:<name>} or
 * {@code segment-left:<name>} that Nurture announces.
 */
record SegmentTrigger(String elementId, Change change, String segment) {

    static final String SEGMENT_PROPERTY = "nurture.segment";
    static final String CHANGE_PROPERTY = "nurture.segmentChange";
    /** As {@code audience.Segments.MAX_NAME}: a longer name is no segment's, so the trigger could never fire. */
    static final int MAX_SEGMENT_NAME = 200;

    private static final Set<String> EVENTS = Set.of("startEvent", "intermediateCatchEvent", "boundaryEvent");
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    enum Change {
        ENTERED("entered", "segment-entered:"), LEFT("left", "segment-left:");

        final String value;
        final String prefix;

        Change(String value, String prefix) {
            this.value = value;
            this.prefix = prefix;
        }
    }

    String messageName() {
        return change.prefix + segment;
    }

    /** Whether any element of the diagram carries a segment trigger's property: only such diagrams are rewritten. */
    static boolean anyIn(XmlElement definitions) {
        return definitions.selfAndDescendants().anyMatch(SegmentTrigger::isTriggerProperty);
    }

    /** The triggers of a diagram, or the findings that make it no deployable diagram. */
    static List<SegmentTrigger> read(String resource, XmlElement definitions, List<Finding> findings) {
        List<SegmentTrigger> triggers = new ArrayList<>();
        definitions.selfAndDescendants().filter(element -> element.children.stream()
                .anyMatch(child -> child.is("extensionElements") && !properties(child).isEmpty()))
                .forEach(element -> read(resource, element, findings, triggers));
        return triggers;
    }

    private static void read(String resource, XmlElement element, List<Finding> findings,
            List<SegmentTrigger> triggers) {
        Map<String, String> properties = element.children.stream().filter(child -> child.is("extensionElements"))
                .findFirst().map(SegmentTrigger::properties).orElse(Map.of());
        if (!BPMN.equals(element.namespace) || !EVENTS.contains(element.name)) {
            findings.add(Finding.at(resource, element, Rule.SEGMENT_TRIGGER, "the segment trigger's properties are on "
                    + "a " + element.name + "; only a start, intermediate catch or boundary event can wait for a "
                    + "segment"));
            return;
        }
        String segment = properties.get(SEGMENT_PROPERTY) == null ? "" : properties.get(SEGMENT_PROPERTY).strip();
        if (segment.isEmpty() || segment.length() > MAX_SEGMENT_NAME
                || segment.chars().anyMatch(Character::isISOControl)) {
            findings.add(Finding.at(resource, element, Rule.SEGMENT_TRIGGER, "the segment name (" + SEGMENT_PROPERTY
                    + ") must be 1 to " + MAX_SEGMENT_NAME + " characters without control characters, as a "
                    + "segment's name is; found " + (segment.isEmpty() ? "none" : segment.length() + " characters")));
            return;
        }
        if (segment.contains("${") || segment.contains("#{")) {
            findings.add(Finding.at(resource, element, Rule.SEGMENT_TRIGGER, "the segment name '" + segment
                    + "' holds ${ or #{, which would make the message name an expression; rename the segment"));
            return;
        }
        String changeValue = properties.get(CHANGE_PROPERTY);
        Change change = changeValue == null ? null : switch (changeValue) {
            case "entered" -> Change.ENTERED;
            case "left" -> Change.LEFT;
            default -> null;
        };
        if (change == null) {
            findings.add(Finding.at(resource, element, Rule.SEGMENT_TRIGGER, "the change (" + CHANGE_PROPERTY
                    + ") must be 'entered' or 'left'; found " + (changeValue == null ? "none" : "'" + changeValue
                            + "'")));
            return;
        }
        List<XmlElement> definitions = element.children.stream().filter(child -> BPMN.equals(child.namespace)
                && child.name.endsWith("EventDefinition")).toList();
        boolean messageOrNone = definitions.isEmpty()
                || definitions.size() == 1 && definitions.get(0).is("messageEventDefinition");
        if (!messageOrNone) {
            findings.add(Finding.at(resource, element, Rule.SEGMENT_TRIGGER, "a segment trigger waits for a message, "
                    + "but this event has " + String.join(", ", definitions.stream().map(d -> d.name).toList())
                    + "; remove the template or use an event without a timer, signal or other trigger"));
            return;
        }
        triggers.add(new SegmentTrigger(element.elementId(), change, segment));
    }

    private static boolean isTriggerProperty(XmlElement element) {
        return CAMUNDA.equals(element.namespace) && element.is("property") && element.hasParent("properties")
                && (SEGMENT_PROPERTY.equals(element.attribute("name"))
                        || CHANGE_PROPERTY.equals(element.attribute("name")));
    }

    private static Map<String, String> properties(XmlElement extensionElements) {
        Map<String, String> properties = new HashMap<>();
        extensionElements.children.stream().filter(child -> CAMUNDA.equals(child.namespace) && child.is("properties"))
                .flatMap(child -> child.children.stream()).filter(SegmentTrigger::isTriggerProperty)
                .forEach(property -> properties.putIfAbsent(property.attribute("name"),
                        property.attribute("value") == null ? "" : property.attribute("value")));
        return properties;
    }
}
