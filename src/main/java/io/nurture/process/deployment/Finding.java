package io.nurture.process.deployment;

import java.util.List;

import org.camunda.bpm.engine.Problem;

/** One reason a resource is refused, in the engine's {@link Problem} shape that the REST API and Modeler show. */
record Finding(String resource, String elementId, int line, int column, Rule rule, String detail)
        implements Problem {

    static Finding at(String resource, XmlElement element, Rule rule, String detail) {
        return new Finding(resource, element.elementId(), element.line, element.column, rule, detail);
    }

    static Finding ofFile(String resource, Rule rule, String detail) {
        return new Finding(resource, null, 0, 0, rule, detail);
    }

    @Override
    public String getMessage() {
        return rule.title + ": " + detail;
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public String getMainElementId() {
        return elementId;
    }

    @Override
    public List<String> getElementIds() {
        return elementId == null ? List.of() : List.of(elementId);
    }

    /** {@code welcome.bpmn, Task_SendMail (line 12): no scripts: …} */
    String describe() {
        return resource + (elementId == null ? "" : ", " + elementId) + (line > 0 ? " (line " + line + ")" : "") + ": "
                + getMessage();
    }
}
