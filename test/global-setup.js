// Tests that spawn real processes run the compiled output; make sure it exists.
const { existsSync } = require('fs');
const { join } = require('path');

module.exports = async () => {
  if (!existsSync(join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does it for you)');
  }
  if (!process.env.EVENTSTORE_CONNECTION_STRING) {
    process.stdout.write('\nskipped: no EventStoreDB — set EVENTSTORE_CONNECTION_STRING to run the event-store contract against it\n');
  }
};
