// Imported first by setup.ts, so the harness knows (when it is evaluated next) that the setup file
// registers the reporting hook and it need not.
(globalThis as Record<string, unknown>).__ec2labSetup = true;
