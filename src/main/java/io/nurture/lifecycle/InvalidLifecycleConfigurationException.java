package io.nurture.lifecycle;

/** A {@code nurture.lifecycle.*} setting that cannot work; stops the start-up with what to fix. */
class InvalidLifecycleConfigurationException extends IllegalStateException {

    InvalidLifecycleConfigurationException(String problems) {
        super("Invalid lifecycle configuration (nurture.lifecycle.* in application.yaml): " + problems);
    }
}
