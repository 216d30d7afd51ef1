/**
 * Web plumbing every module shares: RFC 9457 problem bodies ({@link io.nurture.web.ProblemHandler}, with
 * {@link io.nurture.web.ProblemException} for the refusals a feature names itself), JSON read limits and security
 * headers. Depends on no other module; owns no table.
 */
@ApplicationModule(allowedDependencies = {})
package io.nurture.web;

import org.springframework.modulith.ApplicationModule;
