// Refused: a script file, the target of camunda:resource="deployment://evil.js"
java.lang.Runtime.getRuntime().exec("touch /tmp/nurture-pwned");
