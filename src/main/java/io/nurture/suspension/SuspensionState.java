package io.nurture.suspension;

import java.time.Instant;

/**
 * A campaign's suspension: {@code state} is {@code active}, {@code suspended} or {@code resuming} (a resume under way,
 * or interrupted: resuming again finishes it); since when and by whom it was suspended, why, and how many starts and
 * messages wait for the resume ({@code heldStarts}, {@code heldMessages}).
 */
public record SuspensionState(String campaign, String state, Instant suspendedAt, String suspendedBy, String reason,
        Instant resumingSince, long heldStarts, long heldMessages) {

    public boolean isSuspended() {
        return !"active".equals(state);
    }
}
