package io.nurture.security;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps any failure of a query expression in a plain {@link ProcessEngineException} ("Unable to resolve
 * expression"), which REST answers with 500. A refused expression is bad input: it is rethrown as itself, a
 * {@code BadUserRequestException}, which REST answers with 400.
 */
class RefusedExpressionInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (ProcessEngineException e) {
            RefusedQueryExpressionException refused = refusalIn(e);
            throw refused == null ? e : refused;
        }
    }

    private static RefusedQueryExpressionException refusalIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RefusedQueryExpressionException refused) {
                return refused;
            }
        }
        return null;
    }
}
