// The operations on one deployment, as the API names them.
import { api, seg } from './api.js';

export function getDeployment(id) {
  return api(`/api/v1/deployments/${seg(id)}`);
}

export function cancelDeployment(id) {
  return api(`/api/v1/deployments/${seg(id)}/cancel`, { method: 'POST' });
}

/** A new deployment of the same source and settings (rate-limited); resolves with its view. */
export function redeployDeployment(id) {
  return api(`/api/v1/deployments/${seg(id)}/redeploy`, { method: 'POST' });
}

/** `rollback` or `promote`; resolves with `{deployment, live: {deploymentId, url}}`. */
export function makeLive(id, action) {
  return api(`/api/v1/deployments/${seg(id)}/${action}`, { method: 'POST' });
}
