package io.nurture.simulation;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.nurture.channel.SendPreviews;
import io.nurture.channel.SendSteps;
import io.nurture.process.IsolatedEngines;

/**
 * The simulator's own engine, built on first use: in memory, no job executor (the simulator runs each job itself at
 * its simulated time), the simulated steps as its beans, timers and {@code dateTime()} on the simulated clock.
 */
@Component
class SimulationEngine implements DisposableBean {

    private final SendSteps sendSteps;
    private final SendPreviews previews;
    private ProcessEngine engine;

    SimulationEngine(SendSteps sendSteps, SendPreviews previews) {
        this.sendSteps = sendSteps;
        this.previews = previews;
    }

    synchronized ProcessEngine engine() {
        if (engine == null) {
            ProcessEngineConfigurationImpl configuration = IsolatedEngines
                    .inMemory("nurture-simulation-" + UUID.randomUUID().toString().substring(0, 8));
            configuration.setBeans(new SimulatedSteps(sendSteps, previews).beans());
            configuration.setBusinessCalendarManager(new SimulatedCalendars());
            configuration.setCustomPreBPMNParseListeners(List.of(new TimelineListeners()));
            ProcessEngine built = configuration.buildProcessEngine();
            // unknown to the REST API and the webapps, which serve every engine in this registry
            ProcessEngines.unregister(built);
            if (configuration.getExpressionManager() instanceof JuelExpressionManager juel) {
                try {
                    juel.addFunction("dateTime", SimulatedTimeFunctions.class.getMethod("dateTime"));
                    juel.addFunction("now", SimulatedTimeFunctions.class.getMethod("now"));
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(e);
                }
            }
            engine = built;
        }
        return engine;
    }

    @Override
    public synchronized void destroy() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
