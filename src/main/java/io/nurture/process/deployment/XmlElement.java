package io.nurture.process.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One element of a diagram as the engine's parser sees it: decoded attributes, its own text, where it starts. */
final class XmlElement {

    record Attribute(String namespace, String name, String qualifiedName, String value) {
    }

    final String namespace;
    final String name;
    final List<Attribute> attributes;
    final XmlElement parent;
    final List<XmlElement> children = new ArrayList<>();
    final int line;
    final int column;
    private final StringBuilder text = new StringBuilder();

    XmlElement(String namespace, String name, List<Attribute> attributes, XmlElement parent, int line, int column) {
        this.namespace = namespace;
        this.name = name;
        this.attributes = attributes;
        this.parent = parent;
        this.line = line;
        this.column = column;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    /** An attribute by its local name, whatever its namespace (camunda: and the older activiti: mean the same). */
    String attribute(String localName) {
        return attributes.stream().filter(attribute -> attribute.name().equals(localName)).map(Attribute::value)
                .findFirst().orElse(null);
    }

    boolean is(String localName) {
        return name.equals(localName);
    }

    boolean hasParent(String localName) {
        return parent != null && parent.is(localName);
    }

    /**
     * The id of this element or of the nearest enclosing one: what Modeler and Cockpit call the element. Ids inside
     * Camunda's extensions (a form field's id) name no diagram element and are skipped.
     */
    String elementId() {
        for (XmlElement element = this; element != null; element = element.parent) {
            if (element.namespace.startsWith("http://camunda.org/schema/")
                    || element.namespace.equals("http://activiti.org/bpmn")) {
                continue;
            }
            String id = element.attributes.stream()
                    .filter(attribute -> attribute.namespace().isEmpty() && attribute.name().equals("id"))
                    .map(Attribute::value).findFirst().orElse(null);
            if (id != null && !id.isBlank()) {
                return id;
            }
        }
        return null;
    }

    /** The element's text, joined across comments and CDATA sections as the engine joins it. */
    String text() {
        return text.toString();
    }

    void appendText(char[] characters, int start, int length) {
        text.append(characters, start, length);
    }

    Stream<XmlElement> selfAndDescendants() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(XmlElement::selfAndDescendants));
    }
}
