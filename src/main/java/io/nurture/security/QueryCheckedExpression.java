package io.nurture.security;

import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.JuelExpression;
import org.camunda.bpm.impl.juel.jakarta.el.ValueExpression;

/**
 * An expression that, evaluated without a variable scope, only runs when it is on the allow-list. The engine evaluates
 * a diagram's expressions in the scope of an execution, a task or a start; only query expressions (ad-hoc, or-queries
 * and stored filters, in {@code AbstractQuery.evaluateExpressions}) come without one.
 */
class QueryCheckedExpression extends JuelExpression {

    QueryCheckedExpression(ValueExpression valueExpression, GuardedExpressionManager expressionManager, String text) {
        super(valueExpression, expressionManager, text);
    }

    @Override
    public Object getValue(VariableScope variableScope) {
        return getValue(variableScope, null);
    }

    @Override
    public Object getValue(VariableScope variableScope, BaseDelegateExecution contextExecution) {
        if (variableScope == null && !QueryExpressions.isAllowed(expressionText)) {
            throw new RefusedQueryExpressionException("a query", expressionText);
        }
        return super.getValue(variableScope, contextExecution);
    }
}
