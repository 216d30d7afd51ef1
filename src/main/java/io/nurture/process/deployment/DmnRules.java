package io.nurture.process.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A decision table may hold FEEL only: JUEL and script languages in DMN call methods like any diagram expression.
 * FEEL's {@code external} functions (Java methods by name) are refused too, though the engine's FEEL has them off.
 */
final class DmnRules {

    /** The names the engine's DMN takes for FEEL (DefaultDmnEngineConfiguration). */
    private static final Set<String> FEEL = Set.of("http://www.omg.org/spec/FEEL/20140401",
            "http://www.omg.org/spec/DMN/20180521/FEEL/", "https://www.omg.org/spec/DMN/20191111/FEEL/",
            "https://www.omg.org/spec/DMN/20211108/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/");

    /** The elements whose language defaults to JUEL when the engine's legacy FEEL behaviour is on. */
    private static final Set<String> JUEL_BY_LEGACY_DEFAULT = Set.of("inputExpression", "outputEntry",
            "literalExpression");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern EXTERNAL = Pattern.compile("(?<![\\w$])external(?![\\w$])");

    private DmnRules() {
    }

    static List<Finding> check(String resource, XmlElement definitions, boolean legacyJuelDefaults) {
        List<Finding> findings = new ArrayList<>();
        definitions.selfAndDescendants().forEach(element -> {
            String language = element.attribute("expressionLanguage");
            if (language != null && !isFeel(language)) {
                findings.add(Finding.at(resource, element, Rule.DMN_LANGUAGE, "expressionLanguage=\"" + language
                        + "\" on " + element.name + " would be evaluated as JUEL or a script; write it in FEEL"));
            } else if (language == null && legacyJuelDefaults && JUEL_BY_LEGACY_DEFAULT.contains(element.name)) {
                findings.add(Finding.at(resource, element, Rule.DMN_LANGUAGE, element.name + " has no "
                        + "expressionLanguage and the engine's legacy DMN default is JUEL; set expressionLanguage=\"feel\""));
            }
            if (element.is("text") && EXTERNAL.matcher(STRING.matcher(element.text()).replaceAll("\"\"")).find()) {
                findings.add(Finding.at(resource, element, Rule.FEEL_EXTERNAL, "a FEEL external function in "
                        + (element.parent == null ? "text" : element.parent.name) + " would call a Java method"));
            }
        });
        return findings;
    }

    /** As the engine decides it (ExpressionEvaluationHandler): the URIs exactly, "feel" in any case. */
    private static boolean isFeel(String language) {
        return FEEL.contains(language) || language.toLowerCase(Locale.ROOT).equals("feel");
    }
}
