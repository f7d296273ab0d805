// A dependency-free HTTP server: the platform sets PORT; the build step writes build-info.json.
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const port = Number(process.env.PORT) || 3000;
let buildInfo = { builtAt: null };
try {
  buildInfo = JSON.parse(fs.readFileSync(path.join(__dirname, 'build-info.json'), 'utf8'));
} catch {
  // Not built yet (e.g. `node server.js` locally): serve without build info.
}

const server = http.createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok' }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><title>Node sample</title><h1>Hello from the Deploy Gateway Node sample</h1>
<p>Greeting: ${escapeHtml(process.env.GREETING || 'hello')}</p><p>Built at: ${buildInfo.builtAt ?? 'not built'}</p>`);
});

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

server.listen(port, () => console.log(`listening on ${port}`));
