/**
 * The engine as infrastructure: deploying {@code processes/} with the deployment check, no Java serialization,
 * retries on concurrent changes and the process keys; {@link io.nurture.process.ContactProcesses}, the one port to
 * the engine about a contact's instances, and {@link io.nurture.process.ProcessVariables}, the variable names Java
 * shares with the diagrams. Depends on no other module; owns no table of Nurture's.
 */
@ApplicationModule(allowedDependencies = {})
package io.nurture.process;

import org.springframework.modulith.ApplicationModule;
