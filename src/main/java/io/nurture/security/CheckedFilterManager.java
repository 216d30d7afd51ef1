package io.nurture.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.FilterManager;

/**
 * Refuses to save a filter (REST, Tasklist or Java API) whose query, or one of its or-queries, holds an expression
 * that is not on the allow-list, so such a filter is never stored; filters stored before are refused when run.
 */
class CheckedFilterManager extends FilterManager {

    @Override
    public Filter insertOrUpdateFilter(Filter filter) {
        AbstractQuery<?, ?> query = filter.getQuery();
        List<? extends AbstractQuery<?, ?>> queries = query instanceof TaskQueryImpl taskQuery ? taskQuery.getQueries()
                : List.of(query);
        for (int i = 0; i < queries.size(); i++) {
            for (Map.Entry<String, String> expression : queries.get(i).getExpressions().entrySet()) {
                if (!QueryExpressions.isAllowed(expression.getValue())) {
                    String where = i == 0 ? "the filter's query" : "the filter's or-query " + i;
                    throw new RefusedQueryExpressionException(where + " (" + expression.getKey() + ")",
                            expression.getValue());
                }
            }
        }
        return super.insertOrUpdateFilter(filter);
    }

    /** Opens a {@link CheckedFilterManager} wherever the engine asks for its {@link FilterManager}. */
    static class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return FilterManager.class;
        }

        @Override
        public Session openSession() {
            return new CheckedFilterManager();
        }
    }
}
