package io.nurture.process.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a BPMN file may not contain because it would run code of the deployer's choosing on the server: scripts, Java
 * class names, field injection into the shared delegate beans, values the engine stores Java-serialized, and any
 * expression outside {@link ExpressionSubset}. Attributes are matched by local name, so the engine's older
 * {@code activiti:} namespace is caught as well as {@code camunda:}.
 */
final class BpmnRules {

    private static final Set<String> CAMUNDA_NAMESPACES = Set.of("http://camunda.org/schema/1.0/bpmn",
            "http://activiti.org/bpmn");

    private BpmnRules() {
    }

    static List<Finding> check(String resource, XmlElement definitions) {
        List<Finding> findings = new ArrayList<>();
        definitions.selfAndDescendants().forEach(element -> {
            scripts(resource, element, findings);
            javaClasses(resource, element, findings);
            camundaExtensions(resource, element, findings);
            if (!element.is("script")) {
                expressions(resource, element, findings);
            }
        });
        return findings;
    }

    private static void scripts(String resource, XmlElement element, List<Finding> findings) {
        if (element.is("scriptTask")) {
            findings.add(Finding.at(resource, element, Rule.SCRIPT, "a script task ("
                    + orUnknown(element.attribute("scriptFormat")) + ") would run its script on the server"));
        } else if (element.is("script") && !element.hasParent("scriptTask")) {
            findings.add(Finding.at(resource, element, Rule.SCRIPT, scriptKind(element) + " ("
                    + orUnknown(element.attribute("scriptFormat")) + ") would run its script on the server"));
        } else if (!element.is("script")) {
            if (element.attribute("language") != null) {
                findings.add(Finding.at(resource, element, Rule.SCRIPT, "a script " + element.name + " (language="
                        + element.attribute("language") + ") would run its script on the server; use an expression"));
            } else if (element.attribute("resource") != null) {
                findings.add(Finding.at(resource, element, Rule.SCRIPT, "a script resource in " + element.name
                        + " (resource=" + element.attribute("resource") + ") would run on the server"));
            } else if (element.attribute("scriptFormat") != null) {
                findings.add(Finding.at(resource, element, Rule.SCRIPT, "scriptFormat on " + element.name
                        + " makes it a script"));
            }
        }
    }

    private static String scriptKind(XmlElement script) {
        XmlElement parent = script.parent;
        if (parent == null) {
            return "a script";
        }
        if (parent.is("executionListener") || parent.is("taskListener")) {
            return "a script " + parent.name;
        }
        for (XmlElement scope = parent; scope != null; scope = scope.parent) {
            if (scope.is("inputParameter") || scope.is("outputParameter")) {
                return "a script " + scope.name + " '" + scope.attribute("name") + "'";
            }
        }
        return "a script in " + parent.name;
    }

    private static void javaClasses(String resource, XmlElement element, List<Finding> findings) {
        for (XmlElement.Attribute attribute : element.attributes) {
            if (attribute.name().equals("class") || attribute.name().endsWith("Class")) {
                findings.add(Finding.at(resource, element, Rule.JAVA_CLASS, attribute.qualifiedName() + "=\""
                        + attribute.value() + "\" on " + element.name + " would have the engine load and run a Java "
                        + "class; pick a Nurture element template (a delegate such as ${sendEmail}) instead"));
            }
        }
        if (element.is("constraint") && "validator".equals(element.attribute("name"))) {
            String config = element.attribute("config");
            boolean expression = config != null
                    && (config.trim().startsWith("${") || config.trim().startsWith("#{"));
            if (!expression) {
                findings.add(Finding.at(resource, element, Rule.JAVA_CLASS, "the form field validator config=\""
                        + config + "\" names a Java class the engine would load and run"));
            }
        }
    }

    private static void camundaExtensions(String resource, XmlElement element, List<Finding> findings) {
        if (!CAMUNDA_NAMESPACES.contains(element.namespace)) {
            return;
        }
        if (element.is("field")) {
            findings.add(Finding.at(resource, element, Rule.FIELD_INJECTION, "camunda:field '"
                    + element.attribute("name") + "' would write into a field of the delegate bean, which every "
                    + "diagram shares; use an input parameter (the element templates' fields)"));
        }
        boolean outermost = !element.hasParent("list") && !element.hasParent("map") && !element.hasParent("entry");
        if ((element.is("map") || element.is("list")) && outermost) {
            String parameter = element.parent == null ? null : element.parent.attribute("name");
            findings.add(Finding.at(resource, element, Rule.SERIALIZED_VALUE, "camunda:" + element.name
                    + (parameter == null ? "" : " in parameter '" + parameter + "'") + " would be stored as a "
                    + "Java-serialized " + (element.is("map") ? "LinkedHashMap" : "ArrayList")
                    + " variable; use one parameter per value (a string, number or boolean)"));
        }
    }

    private static void expressions(String resource, XmlElement element, List<Finding> findings) {
        for (XmlElement.Attribute attribute : element.attributes) {
            for (String refusal : ExpressionSubset.refusals(attribute.value())) {
                findings.add(Finding.at(resource, element, Rule.EXPRESSION,
                        refusal + " (in " + attribute.qualifiedName() + " of " + element.name + ")"));
            }
        }
        for (String refusal : ExpressionSubset.refusals(element.text())) {
            findings.add(Finding.at(resource, element, Rule.EXPRESSION, refusal + " (in " + element.name + ")"));
        }
    }

    private static String orUnknown(String scriptFormat) {
        return scriptFormat == null || scriptFormat.isBlank() ? "no scriptFormat" : scriptFormat;
    }
}
