package io.nurture.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Counts this node's deployments, so what is cached about the deployed models ({@link MarketerDecisions}' latest
 * versions, {@link DeclaredMessages}) is looked up again right after one: when it is made and when it commits (a
 * lookup between the two still sees the old state).
 */
@Component
public class DeploymentGenerations extends AbstractProcessEnginePlugin {

    private final AtomicLong generation = new AtomicLong();

    long generation() {
        return generation.get();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Deployer counting = deployment -> {
            generation.incrementAndGet();
            Context.getCommandContext().getTransactionContext()
                    .addTransactionListener(TransactionState.COMMITTED, committed -> generation.incrementAndGet());
        };
        List<Deployer> postDeployers = configuration.getCustomPostDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostDeployers());
        postDeployers.add(counting);
        configuration.setCustomPostDeployers(postDeployers);
    }
}
