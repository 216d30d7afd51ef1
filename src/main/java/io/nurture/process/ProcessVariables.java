package io.nurture.process;

/**
 * The names of the process variables that Java reads or writes, as the diagrams, forms and element templates in
 * {@code processes/} spell them: renaming one here breaks those files. Step inputs are the local variables a service
 * task's input mappings set for its delegate.
 */
public final class ProcessVariables {

    // the contact, set when an instance starts (the business key is the contact id too)
    public static final String CONTACT_ID = "contactId";
    public static final String FIRST_NAME = "firstName";
    public static final String CONTACT_NAME = "contactName";
    public static final String CONTACT_LABEL = "contactLabel";
    public static final String EMAIL = "email";
    public static final String COMPANY = "company";
    public static final String SOURCE = "source";

    // what "Read contact" puts in for the gateways (score, fit and stage also go to the hand-off's forms)
    public static final String SCORE = "score";
    public static final String BEHAVIOUR_SCORE = "behaviourScore";
    public static final String FIT_SCORE = "fitScore";
    public static final String LIFECYCLE_STAGE = "lifecycleStage";
    public static final String INDUSTRY = "industry";
    public static final String HAS_PHONE = "hasPhone";

    // the lead hand-off: routing, SLA dates, what the SDR sees, who worked the last task and the deal
    public static final String ROUTING = "routing";
    public static final String ROUTING_REASON = "routingReason";
    public static final String TASK_PRIORITY = "taskPriority";
    public static final String SDR_DUE_DATE = "sdrDueDate";
    public static final String SDR_RETURN_TO_POOL_DATE = "sdrReturnToPoolDate";
    public static final String MQL_REASON = "mqlReason";
    public static final String RECENT_EVENTS = "recentEvents";
    public static final String LAST_ACTOR = "lastActor";
    public static final String DEAL_STATUS = "dealStatus";
    public static final String DEAL_AMOUNT = "dealAmount";

    // customer advocacy: the NPS answer
    public static final String NPS_SCORE = "npsScore";
    public static final String NPS_COMMENT = "npsComment";

    // campaigns: the A/B branch, the abandoned cart, the date that fired, and what the scheduled scans counted
    public static final String VARIANT = "variant";
    public static final String CART_URL = "cartUrl";
    public static final String CART_VALUE = "cartValue";
    public static final String DATE_NAME = "dateName";
    public static final String DATE = "date";
    public static final String RE_ENGAGEMENT_STARTED = "reEngagementStarted";
    public static final String DATE_TRIGGERS_STARTED = "dateTriggersStarted";
    public static final String DECAYED = "decayed";

    // step inputs of the delegates (element templates in processes/.camunda/element-templates/)
    public static final String CAMPAIGN = "campaign";
    public static final String SPLIT_ID = "splitId";
    public static final String VARIANTS = "variants";
    public static final String POINTS = "points";
    public static final String REASON = "reason";
    public static final String STAGE = "stage";
    public static final String DORMANT_DAYS = "dormantDays";
    public static final String TEMPLATE = "template";
    public static final String SUBJECT = "subject";
    public static final String TRANSACTIONAL = "transactional";
    public static final String TEXT = "text";
    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String LINK = "link";
    public static final String ENDPOINT = "endpoint";
    public static final String EVENT = "event";
    public static final String USER_TASK = "userTask";
    public static final String GROUP = "group";
    public static final String PRIORITY_INCREASE = "priorityIncrease";

    /** Set by the engine on each round of a multi-instance activity. */
    public static final String LOOP_COUNTER = "loopCounter";

    private ProcessVariables() {
    }
}
