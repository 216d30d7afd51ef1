package io.nurture.lifecycle;

/** Where the decision table {@code lead-routing} sends a lead: {@code sdr} at once, or {@code nurture} first. */
public record LeadRouting(String route, int priority, String reason) {

    public static final String SDR = "sdr";

    public boolean isStraightToSdr() {
        return SDR.equals(route);
    }
}
