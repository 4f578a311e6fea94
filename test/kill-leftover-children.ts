import { killLeftoverChildren } from './support/processes';

// Runs after every test file (jest setupFilesAfterEnv): a child process a failed test
// left running would otherwise keep jest from ever exiting.
afterAll(() => {
  const killed = killLeftoverChildren();
  if (killed > 0) process.stderr.write(`killed ${killed} child process(es) a test left running\n`);
});
