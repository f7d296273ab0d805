// Who is signed in (demo session cookie) and how many deployments they have left.
import { api, ApiError } from './api.js';
import { describe } from './dom.js';

/** The caller, or null when there is no valid session. */
export async function currentUser() {
  try {
    return await api('/api/v1/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      return null;
    }
    throw e;
  }
}

export function signIn(username) {
  return api('/api/v1/dev/session', { method: 'POST', json: { username } });
}

export function signOut() {
  return api('/api/v1/dev/session', { method: 'DELETE' });
}

/** Refreshes the quota line in the header ("7 of 10 deployments left"). */
export async function refreshQuota() {
  const box = document.getElementById('quota');
  try {
    const q = await api('/api/v1/rate-limit');
    const reset = new Date(q.reset); // an ISO-8601 instant
    let text = `${q.remaining} of ${q.limit} deployments left`;
    if (q.remaining === 0 && q.retryAfterSeconds) {
      text += ` (next in ${Math.ceil(q.retryAfterSeconds / 60)} min)`;
    } else if (!Number.isNaN(reset.getTime()) && q.remaining < q.limit) {
      text += ` (window resets ${reset.toLocaleTimeString()})`;
    }
    box.textContent = text;
    box.dataset.remaining = String(q.remaining);
  } catch (e) {
    box.textContent = `Quota unavailable: ${describe(e)}`;
  }
}
