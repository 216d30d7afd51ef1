package io.nurture.contact;

import io.nurture.OnPostgres;

/** The erasure suite again on the real PostgreSQL. */
@OnPostgres
class ContactErasurePostgresIT extends ContactErasureIT {
}
