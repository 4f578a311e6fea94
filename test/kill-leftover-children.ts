import { killLeftoverChildren } from './support/processes';

// Runs after every test file (jest setupFilesAfterEnv): a child process a failed test
// left running would otherwise keep jest from ever exiting. jest-circus runs root afterAll
// hooks in declaration order, so this one runs before a test file's own top-level afterAll:
// a file that stops its children gracefully (SIGTERM, then checks the exit) does so inside a describe.
afterAll(() => {
  const killed = killLeftoverChildren();
  if (killed > 0) process.stderr.write(`killed ${killed} child process(es) a test left running\n`);
});
