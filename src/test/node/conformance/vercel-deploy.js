// Deploys a directory to the Vercel sandbox with Vercel's own deploy engine (@vercel/client), as the CLI does.
// Usage: node vercel-deploy.js <apiUrl> <dir> <projectName> [tgz]; the token comes from VERCEL_TOKEN.
// Prints one JSON line per event the engine yields (type plus the fields the Java test checks).
'use strict';
const { createDeployment } = require('@vercel/client');

async function main() {
  const [apiUrl, dir, name, archive] = process.argv.slice(2);
  const clientOptions = {
    token: process.env.VERCEL_TOKEN,
    path: dir,
    apiUrl,
    isDirectory: true,
    userAgent: 'deploy-gateway-conformance',
    ...(archive === 'tgz' ? { archive: 'tgz' } : {}),
  };
  // framework: null is what Vercel's clients send for a plain static site ("Other").
  const deploymentOptions = { name, projectSettings: { framework: null }, target: 'production' };
  for await (const event of createDeployment(clientOptions, deploymentOptions)) {
    const p = event.payload || {};
    const line = { type: event.type };
    if (event.type === 'hashes-calculated') {
      line.files = Object.values(p).reduce((n, f) => n + f.names.length, 0);
      line.blobs = Object.keys(p).length;
    } else if (event.type === 'file-count') {
      line.total = p.total instanceof Map ? p.total.size : p.total;
      line.missing = p.missing ? p.missing.length : 0;
    } else if (event.type === 'file-uploaded') {
      line.size = p.file ? p.file.data ? p.file.data.length : p.file.size : undefined;
    } else if (event.type === 'error') {
      line.code = p.code;
      line.message = p.message || String(p);
    } else if (p && typeof p === 'object') {
      for (const key of ['id', 'url', 'readyState', 'aliasAssigned', 'aliasError', 'projectId', 'ownerId']) {
        if (key in p) line[key] = p[key];
      }
    }
    process.stdout.write(JSON.stringify(line) + '\n');
    if (event.type === 'error') {
      process.exitCode = 2;
      return;
    }
  }
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exitCode = 1;
});
