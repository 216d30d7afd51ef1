package io.nurture.channel;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A send job that throws {@link SendDeferredException} is not a failure: it is put back with its due date moved to
 * when the send may happen, keeping its retries. Every other exception takes the normal retry cycle.
 */
@Component
class DeferredSendJobs extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory standard = configuration.getFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory((jobId, exception) -> {
            SendDeferredException deferred = deferral(exception);
            return deferred == null ? standard.getCommand(jobId, exception) : reschedule(jobId, deferred.notBefore());
        });
    }

    private static Command<Object> reschedule(String jobId, Instant notBefore) {
        return commandContext -> {
            JobEntity job = commandContext.getJobManager().findJobById(jobId);
            if (job != null) {
                job.setDuedate(Date.from(notBefore));
                job.unlock();
            }
            return null;
        };
    }

    private static SendDeferredException deferral(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SendDeferredException deferred) {
                return deferred;
            }
        }
        return null;
    }
}
