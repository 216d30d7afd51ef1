/**
 * The engine as infrastructure: deploying {@code processes/} with the deployment check, no Java serialization,
 * retries on concurrent changes and the process keys. Depends on no other module; owns no table of Nurture's.
 */
@ApplicationModule(allowedDependencies = {})
package io.nurture.process;

import org.springframework.modulith.ApplicationModule;
