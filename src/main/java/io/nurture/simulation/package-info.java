/**
 * The campaign simulator: runs a real diagram in an engine of its own ({@code process.IsolatedEngines}) on a
 * simulated clock, for test contacts and a script of their behaviour, and answers with the timeline each would live:
 * sends as their channel renders them and the send policy allows them, waits and their due dates, the branch taken
 * at each gateway and why, score and stage changes, the exit. Nothing is sent and no table of Nurture's is written;
 * it only reads the deployed diagrams and decision tables. Owns no table.
 */
@ApplicationModule(allowedDependencies = { "campaign", "channel", "contact", "event", "lifecycle", "process", "web" })
package io.nurture.simulation;

import org.springframework.modulith.ApplicationModule;
