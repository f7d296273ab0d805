// Follows a Railway sandbox deployment over graphql-transport-ws with the reference client (graphql-ws), the way
// Railway's CLI does: the token on the upgrade request, buildLogs through a fragment, plus the status subscription.
// Usage: node railway-ws.js <wsUrl> <deploymentId>; the token comes from RAILWAY_TOKEN.
// Prints {"id","payload"} per next message, {"complete":id} per completion, {"error":…} or {"closed":code}.
'use strict';
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');

const LOGS = `subscription BuildLogs($deploymentId: String!, $filter: String, $limit: Int = 500) {
  buildLogs(deploymentId: $deploymentId, filter: $filter, limit: $limit) { ...LogFields }
}
fragment LogFields on Log { __typename timestamp message severity attributes { key value } }`;
const STATUS = `subscription Deployment($id: String!) { deployment(id: $id) { __typename id status } }`;

function print(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

async function main() {
  const [url, deploymentId] = process.argv.slice(2);
  const token = process.env.RAILWAY_TOKEN;
  class AuthorizedSocket extends WebSocket {
    constructor(address, protocols) {
      super(address, protocols, { headers: { Authorization: `Bearer ${token}` } });
    }
  }
  let closed;
  const client = createClient({
    url,
    webSocketImpl: AuthorizedSocket,
    lazy: false,
    retryAttempts: 0,
    shouldRetry: () => false,
    on: { closed: (event) => { closed = event; } },
  });
  const follow = (id, query, variables) => new Promise((resolve) => {
    client.subscribe({ query, variables }, {
      next: (payload) => print({ id, payload }),
      error: (error) => {
        const code = error && typeof error.code === 'number' ? error.code : undefined;
        print(code !== undefined ? { id, closed: code, reason: error.reason } : { id, error });
        resolve();
      },
      complete: () => { print({ complete: id }); resolve(); },
    });
  });
  await Promise.all([follow('logs', LOGS, { deploymentId }), follow('status', STATUS, { id: deploymentId })]);
  if (closed && closed.code !== 1000) {
    print({ closed: closed.code, reason: closed.reason });
  }
  await client.dispose();
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exitCode = 1;
});
