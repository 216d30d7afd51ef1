package io.nurture.security;

import org.camunda.bpm.engine.BadUserRequestException;

/** A query expression that is not on the allow-list: bad input (REST answers 400), never evaluated. */
class RefusedQueryExpressionException extends BadUserRequestException {

    private static final long serialVersionUID = 1L;

    RefusedQueryExpressionException(String where, String expression) {
        super("Expression '" + QueryExpressions.shown(expression) + "' is not allowed in " + where + "; allowed are "
                + QueryExpressions.ALLOWED);
    }
}
