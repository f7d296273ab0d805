// The "build" step: records when the app was built, so the deployed page shows the build ran.
const fs = require('node:fs');
const path = require('node:path');

const info = { builtAt: new Date().toISOString(), node: process.version };
fs.writeFileSync(path.join(__dirname, '..', 'build-info.json'), JSON.stringify(info, null, 2));
console.log('build complete', info);
