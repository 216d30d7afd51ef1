package io.nurture.enrolment;

import io.nurture.OnPostgres;

/** The segment trigger template suite again on the real PostgreSQL. */
@OnPostgres
class SegmentTriggerTemplatePostgresIT extends SegmentTriggerTemplateIT {
}
