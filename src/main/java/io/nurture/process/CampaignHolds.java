package io.nurture.process;

import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Where {@link ContactProcesses} leaves what the engine must not do now because the campaign is suspended: a start
 * of a suspended campaign, a message to a suspended instance. Implemented by the module that suspends campaigns
 * (it owns the held rows and runs them on resume); each method runs in the caller's transaction, so a held start
 * or message is stored exactly when the event that caused it is.
 */
public interface CampaignHolds {

    /** A start: true if {@code processKey} is suspended and the start is held, false to start it now. */
    boolean holdStart(HeldStart start);

    /**
     * A message to a suspended instance: true if it is held, false when the instance was resumed meanwhile and the
     * message should be correlated now. {@code stillSuspended} asks the engine once the campaign is locked against
     * a resume's last step, so the message is either held before that step looks or sees the instance resumed.
     */
    boolean holdMessage(HeldMessage message, BooleanSupplier stillSuspended);

    /** A message to a suspended instance, as held. */
    record HeldMessage(String processKey, String processInstanceId, String contactId, String message,
            Map<String, Object> variables) {
    }

    /**
     * A start as held: of {@code processKey} for the contact with these {@code variables}, before
     * {@code beforeActivity} (whether or not another instance runs) or by {@code startMessage}, or plainly (both
     * null, once while none runs).
     */
    record HeldStart(String processKey, String contactId, Map<String, Object> variables, String beforeActivity,
            String startMessage) {
    }
}
