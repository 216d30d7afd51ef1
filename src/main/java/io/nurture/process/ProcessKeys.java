package io.nurture.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The process definition key of a running step: the campaign a send, score or split belongs to. */
public final class ProcessKeys {

    private ProcessKeys() {
    }

    /** From the engine's definition cache; the definition id only starts with the key when the key is short. */
    public static String keyOf(DelegateExecution execution) {
        String definitionId = execution.getProcessDefinitionId();
        return definitionId == null ? null
                : execution.getProcessEngineServices().getRepositoryService().getProcessDefinition(definitionId)
                        .getKey();
    }
}
