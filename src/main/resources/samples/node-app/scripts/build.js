// The "build" step: writes public/index.html with the GREETING environment variable and the build time, so the
// deployed page shows that the build ran (static hosts serve public/; server.js serves the same file).
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const info = { builtAt: new Date().toISOString(), node: process.version };
const greeting = process.env.GREETING || 'hello';
const page = fs.readFileSync(path.join(root, 'public', 'index.html'), 'utf8')
  .replace(/(<span id="greeting">)[^<]*/, `$1${escapeHtml(greeting)}`)
  .replace(/(<span id="built-at">)[^<]*/, `$1${escapeHtml(info.builtAt)}`);
fs.writeFileSync(path.join(root, 'public', 'index.html'), page);
fs.writeFileSync(path.join(root, 'build-info.json'), JSON.stringify(info, null, 2));
console.log('build complete', info);

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
