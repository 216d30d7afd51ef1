/**
 * Public form capture, {@code POST /f/{form}}: a site's own HTML form posts a lead to Nurture without a password.
 * Forms are set by configuration ({@code nurture.forms.<form>.*}, checked at start-up); a fill is one event through
 * the ingestion, actor {@code form:<name>}. Spam: a honeypot field, the allowed origins, and the per-address throttle
 * of {@code /f/*} (security). Owns no table.
 */
@ApplicationModule(allowedDependencies = { "contact", "event", "ingestion", "web" })
package io.nurture.form;

import org.springframework.modulith.ApplicationModule;
