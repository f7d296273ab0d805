// Times, durations and status names as people read them.

/** A date as local date and time ("12/1/2026, 10:01:02 PM"), or '' when absent or unreadable. */
export function formatTime(iso) {
  const date = parse(iso);
  return date ? date.toLocaleString() : '';
}

/** The time of day with milliseconds ("22:01:02.345"), for log lines. */
export function clockTime(iso) {
  const date = parse(iso);
  if (!date) {
    return '';
  }
  const two = (n) => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.`
    + String(date.getMilliseconds()).padStart(3, '0');
}

/** Milliseconds between two instants, or null when either is missing. */
export function between(fromIso, toIso) {
  const from = parse(fromIso);
  const to = parse(toIso);
  return from && to ? Math.max(0, to.getTime() - from.getTime()) : null;
}

/** "850 ms", "7.2 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) {
    return '';
  }
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  const seconds = ms / 1000;
  if (seconds < 60) {
    return `${seconds.toFixed(1)} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ${String(Math.floor(seconds % 60)).padStart(2, '0')} s`;
  }
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

const STATUS_WORDS = {
  PENDING: 'Pending',
  UPLOADING: 'Uploading',
  QUEUED: 'Queued',
  BUILDING: 'Building',
  DEPLOYING: 'Deploying',
  READY: 'Ready',
  FAILED: 'Failed',
  CANCELED: 'Canceled',
  TIMED_OUT: 'Timed out',
};

/** A deployment status as a word ("TIMED_OUT" → "Timed out"). */
export function statusWord(status) {
  return STATUS_WORDS[status] || String(status ?? '');
}

function parse(iso) {
  if (!iso) {
    return null;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
