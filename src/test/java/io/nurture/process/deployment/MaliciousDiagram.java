package io.nurture.process.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The malicious files in {@code src/test/resources/process/deployment/}, one or more per rule, with what the refusal
 * must name: the element (or, for a file that is no diagram, the file), the rule and the reason.
 */
enum MaliciousDiagram {

    SCRIPT_TASK("Task_RunScript", "no scripts", "a script task (groovy)", "script-task.bpmn"),
    SCRIPT_LISTENER("Task_SendWithScriptListener", "no scripts", "a script executionListener (javascript)",
            "script-listener.bpmn"),
    SCRIPT_INPUT_PARAMETER("Task_ScriptParameter", "no scripts", "a script inputParameter 'subject'",
            "script-input-parameter.bpmn"),
    SCRIPT_CONDITION("Flow_Engaged", "no scripts", "language=groovy", "script-condition.bpmn"),
    JAVA_CLASS("Task_RunClass", "no Java class names", "camunda:class=\"org.example.Evil\"", "java-class.bpmn"),
    ACTIVITI_CLASS("Task_RunActivitiClass", "no Java class names", "activiti:class=\"org.example.Evil\"",
            "activiti-class.bpmn"),
    VALIDATOR_CLASS("Task_ValidatedForm", "no Java class names", "org.example.EvilValidator", "validator-class.bpmn"),
    FIELD_INJECTION("Task_InjectField", "no field injection", "camunda:field 'sender'", "field-injection.bpmn"),
    GET_CLASS_CONDITION("Flow_Engaged", "expressions only in the allowed shapes", ".getClass() is not allowed",
            "get-class-condition.bpmn"),
    ENGINE_SERVICES("Task_ReadServices", "expressions only in the allowed shapes",
            "execution.getProcessEngineServices() is not allowed", "engine-services.bpmn"),
    BRACKET_ACCESS("Task_BracketAssignee", "expressions only in the allowed shapes", "bracket access",
            "bracket-access.bpmn"),
    BEAN_METHOD("Task_DeleteContacts", "expressions only in the allowed shapes",
            "the method call contactRepository.deleteAll()", "bean-method.bpmn"),
    MAP_INPUT("Task_MapInput", "no Java-serialized values", "Java-serialized LinkedHashMap", "map-input.bpmn"),
    COMMENT_SPLIT("Task_CommentSplit", "expressions only in the allowed shapes", ".getClass() is not allowed",
            "comment-split.bpmn"),
    ESCAPED_START("Task_EscapedStart", "expressions only in the allowed shapes", ".getClass() is not allowed",
            "escaped-start.bpmn"),
    DOCTYPE("doctype.bpmn", "plain XML", "DOCTYPE", "doctype.bpmn"),
    JUEL_DMN("InputExpression_Juel", "DMN only in FEEL", "expressionLanguage=\"juel\"", "juel.dmn"),
    FEEL_EXTERNAL("LiteralExpression_External", "no FEEL external functions", "external function",
            "feel-external.dmn"),
    SCRIPT_FILE("evil.js", "only .bpmn, .dmn and .form files", "'evil.js' is neither", "carrier.bpmn", "evil.js");

    /** The element id, or the file name when the file has no elements to name. */
    final String named;
    final String rule;
    final String reason;
    /** The diagram first (as Modeler sends it), then the attachments. */
    final List<String> files;

    MaliciousDiagram(String named, String rule, String reason, String... files) {
        this.named = named;
        this.rule = rule;
        this.reason = reason;
        this.files = List.of(files);
    }

    /** The key of the process or decision the files define: after a refusal, nothing under it may exist. */
    String definitionKey() {
        return "evil-" + files.get(0).replaceFirst("\\.(bpmn|dmn)$", "");
    }

    boolean isDecision() {
        return files.get(0).endsWith(".dmn");
    }

    static byte[] read(String file) {
        try (InputStream in = MaliciousDiagram.class.getResourceAsStream("/process/deployment/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no test resource process/deployment/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
