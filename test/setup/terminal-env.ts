// Ink renders only its last frame when it believes it runs in CI (it reads the CI variable once, when
// loaded). The review tests look at intermediate frames, as a person at a terminal sees them, so the
// test processes must not inherit CI from the machine. Tests that need CI set pass it explicitly.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
for (const key of Object.keys(process.env)) if (key.startsWith('CI_')) delete process.env[key];
