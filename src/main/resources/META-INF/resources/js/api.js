// Thin fetch wrapper for the gateway's REST API. The session is an HttpOnly cookie, so every call is
// same-origin with credentials; browsers add the Origin header that the CSRF guard wants on writes.

/** A failed call: the HTTP status plus the RFC 9457 problem body when the server sent one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.code = this.problem.code || `HTTP_${status}`;
  }
}

async function readBody(response) {
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    return response.json();
  }
  const text = await response.text();
  return text ? { detail: text.slice(0, 300) } : null;
}

/**
 * Calls the API. `json` is sent as a JSON body; `form` (a FormData) as multipart. Resolves with the parsed body,
 * rejects with an ApiError on any non-2xx answer or a network failure (status 0).
 */
export async function api(path, { method = 'GET', json, form, headers = {} } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (form) {
    init.body = form; // the browser sets the multipart boundary itself
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { title: 'Network error', detail: 'The gateway could not be reached.' });
  }
  const body = await readBody(response).catch(() => null);
  if (!response.ok) {
    const problem = body || {};
    const retryAfter = response.headers.get('Retry-After');
    if (retryAfter && problem.retryAfterSeconds === undefined) {
      problem.retryAfterSeconds = Number(retryAfter);
    }
    throw new ApiError(response.status, problem);
  }
  return body;
}

/** Path segment encoding for ids and names taken from user input or server data. */
export const seg = (value) => encodeURIComponent(String(value));

/**
 * True when the request may have reached the server without an answer coming back (a network error), or the server
 * failed on its side: retrying it with the same Idempotency-Key is safe and lands on the same deployment.
 */
export function answerLost(error) {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/** The API's documented array answer, or an error saying the answer was not one (never a silent empty list). */
export function arrayOf(value, what) {
  if (!Array.isArray(value)) {
    throw new ApiError(200, { title: 'Unexpected answer', detail: `The gateway's ${what} answer is not a list.` });
  }
  return value;
}
