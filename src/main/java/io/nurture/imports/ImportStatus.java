package io.nurture.imports;

/** Where an import is: waiting for the worker, running through its chunks, done, or stopped by a failure. */
public enum ImportStatus {
    QUEUED, RUNNING, DONE, FAILED
}
