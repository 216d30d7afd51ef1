package io.nurture.process.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JUEL subset: the shapes the shipped diagrams and element templates use pass, everything around them fails. */
class ExpressionSubsetTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // every shape in processes/*.bpmn, *.dmn, the element templates and the test diagrams
            "${sendEmail}", "${contactLabel}", "${variant == 'A'}", "${variant != 'A'}",
            "${funnel.stageFor('sales-accepted')}", "${dateTime().plusDays(2).toDate()}",
            "#{execution.processBusinessKey}", "${true}", "${false}", "${90}", "${timeout}", "${npsScore <= 6}",
            "${npsScore >= 9}", "${fitScore >= 50}", "${outcome == 'qualified'}", "${!engaged}", "${!accepted}",
            "${dealStatus == 'won'}", "${dateName == 'contractRenewal'}", "${industry == 'software'}",
            // text around expressions, as in task names and subjects
            "Qualify ${contactLabel}", "Lead waiting: ${contactLabel}", "Call back ${contactLabel} (NPS ${npsScore})",
            "no expression at all", "P4D", "a $ sign, a # sign and {braces}",
            // more of the same grammar
            "${a && b || !c}", "${x eq 'y' or not z and w ne 1}", "${(fitScore > 10 || hot) && !suppressed}",
            "${score lt 5}", "${score gt -5}", "${score le 2.5}", "${score ge 0}", "${null == lastClick}",
            "${\"double quoted\" == name}", "${'it\\'s' == quote}", "${ spaced  ==  'out' }",
            "${dateTime().minusHours(3).withTimeAtStartOfDay().toDate()}", "${dateTime().plusDays(dormantDays).toDate()}",
            "#{execution.processInstanceId}", "${execution.currentActivityId == 'Task_Send'}",
            // JUEL reads an escaped start as text, so it is no expression
            "\\${not.an.expression()}" })
    void allowedShapesPass(String text) {
        assertThat(ExpressionSubset.refusals(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "${''.getClass().forName('java.lang.Runtime')}                | the method call ''.getClass() is not allowed",
            "${\"\".getClass()}                                           | the method call ''.getClass()",
            "${execution.getProcessEngineServices().getRuntimeService()}  | execution.getProcessEngineServices() is not allowed",
            "${execution.processEngineServices.identityService}           | execution.processEngineServices is not allowed",
            "${execution.variables}                                       | execution.variables is not allowed",
            "${execution.processBusinessKey.bytes}                        | the property execution.processBusinessKey.bytes",
            "${execution['processEngineServices']}                        | bracket access",
            "${headers[0]}                                                | bracket access",
            "${execution}                                                 | 'execution' on its own",
            "${task.assignee}                                             | the property task.assignee is not allowed",
            "${sendEmail.execute(execution)}                              | the method call sendEmail.execute()",
            "${contactRepository.deleteAll()}                             | the method call contactRepository.deleteAll()",
            "${jdbcTemplate.dataSource}                                   | the property jdbcTemplate.dataSource is not allowed",
            "${funnel}                                                    | use funnel.stageFor('role')",
            "${funnel.stages}                                             | the property funnel.stages",
            "${funnel.stageFor(role)}                                     | expected a quoted role name",
            "${funnel.stageFor('x').getClass()}                           | funnel.stageFor(…).getClass()",
            "${funnel.stageFor('x', 'y')}                                 | expected ) after the role name",
            "${T(java.lang.Runtime).getRuntime()}                         | the function T() is not allowed",
            "${now()}                                                     | the function now() is not allowed",
            "${dateTime()}                                                | must end with .toDate()",
            "${dateTime().plusDays(2)}                                    | must end with .toDate()",
            "${dateTime().toString()}                                     | dateTime().toString() is not allowed",
            "${dateTime().plusDays('x').toDate()}                         | takes a whole number or a variable",
            "${dateTime().plusDays(execution).toDate()}                   | takes a whole number or a variable",
            "${dateTime().toDate().getClass()}                            | toDate().getClass()",
            "${(sendEmail).execute(null)}                                 | the method call (…).execute()",
            "${x -> x}                                                    | a lambda (->)",
            "${v = 1}                                                     | an assignment (=)",
            "${a; b}                                                      | a semicolon",
            "${{1, 2}}                                                    | braces",
            "${a ? b : c}                                                 | the conditional operator",
            "${a + 1 > 2}                                                 | arithmetic (+)",
            "${a / 2}                                                     | arithmetic (/)",
            "${empty list}                                                | the operator 'empty'",
            "${x instanceof y}                                            | the operator 'instanceof'",
            "${a & b}                                                     | the operator &",
            "${$x}                                                        | the character '$'",
            "${na\u00efve}                                                | in a name",
            "${'not closed}                                               | a string that is not closed",
            "${'bad \\n escape'}                                          | an escape other than",
            "${open                                                       | not closed with }",
            "${}                                                          | an empty expression",
            "${a b}                                                       | where the expression should end",
            "${-x}                                                        | expected a number after -",
            "#{execution.getVariable('x')}                                | execution.getVariable() is not allowed",
            "Hello ${''.getClass()} and ${name}                           | ''.getClass()",
            // an escaped start and a string around the real expression: JUEL evaluates the middle part
            "`\\${'} ${''.getClass().forName('java.lang.Runtime')} '}`    | ''.getClass()" })
    void everythingElseIsRefusedWithTheReason(String text, String reason) {
        List<String> refusals = ExpressionSubset.refusals(text);
        assertThat(refusals).as(text).isNotEmpty();
        assertThat(refusals.get(0)).contains(reason);
    }
}
