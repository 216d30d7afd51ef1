/**
 * The Segment-compatible tracking API ({@code POST /v1/*}): identify, track, page, screen, group, alias and batch as
 * Segment's and RudderStack's libraries send them, authenticated by a source's write key, each message turned into
 * one ingested event (or, for an alias, a link or merge of identities). Owns no table.
 */
@ApplicationModule(allowedDependencies = { "contact", "event", "ingestion", "source", "web" })
package io.nurture.segment;

import org.springframework.modulith.ApplicationModule;
