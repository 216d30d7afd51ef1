package io.nurture.security;

/** The expression-injection suite on H2, in the context it shares with the other {@code @InboxAppTest} suites. */
class H2ExpressionInjectionIT extends AbstractExpressionInjectionIT {
}
