package io.nurture.reporting;

import org.springframework.test.context.TestPropertySource;

/** The reports on H2. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nurture-reports;DB_CLOSE_DELAY=-1")
class H2ReportsIT extends AbstractReportsIT {
}
