package io.nurture.security;

import org.springframework.test.context.TestPropertySource;

/** The expression-injection suite on an in-memory H2 database of its own. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nurture-expressions;DB_CLOSE_DELAY=-1")
class H2ExpressionInjectionIT extends AbstractExpressionInjectionIT {
}
