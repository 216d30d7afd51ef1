package io.nurture.handoff;

import org.camunda.bpm.engine.ProcessEngineException;

/** A task completion whose variables no path of the following gateway accepts: bad input, not a server fault. */
class UnroutableDecisionException extends ProcessEngineException {

    UnroutableDecisionException(String message) {
        super(message);
    }
}
