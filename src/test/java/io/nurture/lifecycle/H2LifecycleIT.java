package io.nurture.lifecycle;

/** The lifecycle suite on H2, in the context it shares with the other {@code @InboxAppTest} suites. */
class H2LifecycleIT extends AbstractLifecycleIT {
}
