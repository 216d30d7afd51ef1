package io.nurture.lifecycle;

import org.springframework.test.context.TestPropertySource;

/** The lifecycle suite on an in-memory H2 database of its own. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nurture-lifecycle;DB_CLOSE_DELAY=-1")
class H2LifecycleIT extends AbstractLifecycleIT {
}
