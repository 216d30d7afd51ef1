package io.nurture.process.deployment;

/** The rules a deployment is checked against, named as the refusal names them. */
enum Rule {

    FILE_TYPE("only .bpmn, .dmn and .form files"),
    XML("plain XML"),
    SCRIPT("no scripts"),
    JAVA_CLASS("no Java class names"),
    FIELD_INJECTION("no field injection"),
    SERIALIZED_VALUE("no Java-serialized values"),
    EXPRESSION("expressions only in the allowed shapes"),
    DMN_LANGUAGE("DMN only in FEEL"),
    FEEL_EXTERNAL("no FEEL external functions"),
    SEGMENT_TRIGGER("a segment trigger names a segment");

    final String title;

    Rule(String title) {
        this.title = title;
    }
}
