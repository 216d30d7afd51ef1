package io.nurture.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Closes expression injection inside the engine, for every way in (REST, the webapps' API, stored filters, the Java
 * API): expressions see only {@link ExpressionBeans}; a query expression (or-queries and stored filters included) runs
 * only when it is on the {@link QueryExpressions} allow-list, and is otherwise refused as bad input (400, not 500);
 * a filter holding another expression cannot be saved.
 */
@Component
class EngineExpressionGuard extends AbstractProcessEnginePlugin {

    private final ApplicationContext applicationContext;

    EngineExpressionGuard(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ExpressionBeans beans = ExpressionBeans.of(applicationContext);
        configuration.setBeans(beans); // also keeps the application context out of scripts
        // replaces the SpringExpressionManager that Spring's factory bean set with the whole context
        configuration.setExpressionManager(new GuardedExpressionManager(applicationContext, beans));
        // innermost, inside the command context: it rolls back and logs a bad request as one (debug), not as an error
        configuration.setCustomPostCommandInterceptorsTxRequired(
                with(configuration.getCustomPostCommandInterceptorsTxRequired(), new RefusedExpressionInterceptor()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new RefusedExpressionInterceptor()));
        List<SessionFactory> sessionFactories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        sessionFactories.add(new CheckedFilterManager.Factory());
        configuration.setCustomSessionFactories(sessionFactories);
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> others, CommandInterceptor interceptor) {
        List<CommandInterceptor> chain = others == null ? new ArrayList<>() : new ArrayList<>(others);
        chain.add(interceptor);
        return chain;
    }
}
