package io.nurture.security;

import java.util.Map;

import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;

/**
 * Spring's expression manager with two differences: expressions see only the given beans (never the whole
 * application context), and query expressions only run when they are on the allow-list.
 */
class GuardedExpressionManager extends SpringExpressionManager {

    GuardedExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans) {
        super(applicationContext, beans);
        if (beans == null) {
            throw new IllegalArgumentException("the beans expressions may see are required");
        }
    }

    @Override
    public Expression createExpression(String expression) {
        return new QueryCheckedExpression(createValueExpression(expression), this, expression);
    }
}
