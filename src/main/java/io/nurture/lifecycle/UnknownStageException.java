package io.nurture.lifecycle;

/** A stage name that is not in {@code nurture.lifecycle.stages}, with the stages that are. */
public class UnknownStageException extends IllegalArgumentException {

    UnknownStageException(String message) {
        super(message);
    }
}
