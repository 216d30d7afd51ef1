package io.nurture.process.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Random;
import java.util.Set;

import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.junit.jupiter.api.Test;

/**
 * The subset checked against the engine's own JUEL parser: random texts of expression fragments, and for every text
 * the check accepts, the tree JUEL builds from it (with the engine's features: method calls and varargs) may hold
 * no call, property, bracket or operator outside the subset. A text the check passes but JUEL reads differently,
 * such as a string that hides an expression behind an escaped start, fails this test.
 */
class ExpressionSubsetAgainstJuelTest {

    /** Halves of expressions and strings as well as whole ones, so that boundaries and quotes get mixed up. */
    private static final String[] FRAGMENTS = { "${", "#{", "}", "\\", "\\${", "\\${'", "'", "\"", "${'", "#{\"",
            "'}", "\"}", " ", "a", ".", "(", ")", "==", "!", "&&", "execution", "processBusinessKey", "getClass()",
            "funnel.stageFor('x')", "dateTime().plusDays(2).toDate()", "${a}", "${a.getClass()}", "${''.getClass()}",
            "#{execution.processEngineServices}", "${x == 'y'}", "'a\\'b'", "[0]", "text " };

    private static final Set<String> ALLOWED_OPERATORS = Set.of("'=='", "'!='", "'<'", "'>'", "'<='", "'>='",
            "'&&'", "'||'", "'!'", "'-'");

    private static final Set<String> DATE_METHODS = Set.of("toDate", "withTimeAtStartOfDay", "plusYears",
            "plusMonths", "plusWeeks", "plusDays", "plusHours", "plusMinutes", "minusYears", "minusMonths",
            "minusWeeks", "minusDays", "minusHours", "minusMinutes");

    private static final Set<String> NOT_ALONE = Set.of("execution", "task", "externalTask", "caseExecution",
            "variableScope", "funnel");

    @Test
    void whatTheCheckAcceptsJuelParsesIntoTheSubsetOnly() {
        Random random = new Random(20261201);
        Builder juel = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
        int accepted = 0;
        int withExpression = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            if (!ExpressionSubset.refusals(text.toString()).isEmpty()) {
                continue;
            }
            accepted++;
            Node root;
            try {
                root = juel.build(text.toString()).getRoot();
            } catch (TreeBuilderException unparseable) {
                continue; // the engine refuses it when it parses the diagram: nothing runs
            }
            if (text.indexOf("${") >= 0 || text.indexOf("#{") >= 0) {
                withExpression++;
            }
            assertHarmless(root, text.toString());
        }
        assertThat(accepted).as("accepted texts").isGreaterThan(5_000);
        assertThat(withExpression).as("accepted texts with an expression").isGreaterThan(1_000);
    }

    private static void assertHarmless(Node node, String text) {
        if (node instanceof AstMethod method) {
            AstDot property = (AstDot) method.getChild(0);
            String name = property.toString().substring(2);
            Node base = property.getChild(0);
            Node parameters = method.getChild(1);
            if (name.equals("stageFor")) {
                assertThat(base).as(text).isInstanceOf(AstIdentifier.class).hasToString("funnel");
                assertThat(parameters.getCardinality()).as(text).isEqualTo(1);
                assertThat(parameters.getChild(0)).as(text).isInstanceOf(AstString.class);
            } else {
                assertThat(DATE_METHODS).as(text).contains(name);
                assertDateChain(base, text);
                for (int i = 0; i < parameters.getCardinality(); i++) {
                    assertHarmless(parameters.getChild(i), text);
                }
            }
            return;
        }
        if (node instanceof AstDot dot) {
            assertThat(dot.getChild(0)).as(text).isInstanceOf(AstIdentifier.class).hasToString("execution");
            assertThat(ExpressionSubset.EXECUTION_PROPERTIES).as(text).contains(dot.toString().substring(2));
            return;
        }
        if (node instanceof AstBracket || node instanceof AstChoice) {
            fail(text + ": " + node.getClass().getSimpleName());
        }
        if (node instanceof AstFunction function) {
            assertThat(function.getName()).as(text).isEqualTo("dateTime");
            assertThat(function.getParamCount()).as(text).isZero();
        }
        if (node instanceof AstBinary || node instanceof AstUnary) {
            assertThat(ALLOWED_OPERATORS).as(text).contains(node.toString());
        }
        if (node instanceof AstIdentifier identifier) {
            assertThat(NOT_ALONE).as(text).doesNotContain(identifier.toString());
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            assertHarmless(node.getChild(i), text);
        }
    }

    /** The receiver of a date step: dateTime() itself or an earlier step of the chain. */
    private static void assertDateChain(Node base, String text) {
        if (base instanceof AstFunction) {
            assertHarmless(base, text);
        } else {
            assertThat(base).as(text).isInstanceOf(AstMethod.class);
            assertHarmless(base, text);
        }
    }
}
