package io.nurture.process;

/**
 * The one definition of a campaign instance's goal exit: it ended at a top-level end event {@code EndEvent_Goal...}
 * or through an interrupting event sub-process {@code SubProcess_Goal...} (the usual "left on MQL"); the history then
 * names that end event or sub-process as the instance's end activity ({@code ACT_HI_PROCINST.END_ACT_ID_}).
 */
public final class CampaignGoals {

    public static final String GOAL_END_EVENT_PREFIX = "EndEvent_Goal";
    public static final String GOAL_EVENT_SUB_PROCESS_PREFIX = "SubProcess_Goal";

    private CampaignGoals() {
    }

    /** SQL: the instance aliased {@code p} ended on goal; binds {@code goalPattern} twice, end event then sub-process. */
    public static String exitedOnGoal(String alias) {
        return "(" + alias + ".END_ACT_ID_ LIKE ? OR " + alias + ".END_ACT_ID_ LIKE ?)";
    }

    public static String endEventPattern() {
        return GOAL_END_EVENT_PREFIX + "%";
    }

    public static String subProcessPattern() {
        return GOAL_EVENT_SUB_PROCESS_PREFIX + "%";
    }
}
