// A refused deployment request, explained: a validation problem marks each field it names (env rows by their
// position in the request) and lists them by label; any other problem is its detail, said once.
import { describe } from './dom.js';
import { inWords, markInvalid } from './form-errors.js';

const FIELDS = {
  platform: ['deploy-platform', 'Platform'],
  projectName: ['project-name', 'Project name'],
  target: ['target-preview', 'Target'],
  database: ['database', 'Database'],
  teamId: [null, 'Team'],
  env: ['add-env', 'Environment variables'],
  archive: ['archive', 'Archive'],
  files: ['sample', 'Sample'],
  sourceId: ['source-registered-choice', 'Source'],
};
const GENERIC = 'One or more fields are invalid.';

/** The lines to show for `error`; `entries` are the env rows in the order the request sent them. */
export function describeProblem(error, entries) {
  const fields = error.problem?.errors;
  if (error.code !== 'VALIDATION_FAILED' || !Array.isArray(fields) || fields.length === 0) {
    return [describe(error)];
  }
  const lines = fields.map((f) => mark(f, entries));
  const detail = describe(error);
  // The generic sentence adds nothing to the list, and a detail that repeats a field's message is said once.
  const repeated = detail === GENERIC || lines.some((line) => line.includes(detail))
    || fields.some((f) => detail.includes(f.message));
  return repeated ? lines : [detail, ...lines];
}

function mark({ field, message }, entries) {
  const words = inWords(message);
  const env = /^(?:settings\.)?env\[(\d+)\]\.(key|value)$/.exec(field);
  if (env) {
    const entry = entries[Number(env[1])];
    const isKey = env[2] === 'key';
    return markInvalid(entry ? (isKey ? entry.keyInput : entry.valueInput) : null,
      `Variable ${Number(env[1]) + 1} ${isKey ? 'name' : 'value'}`, words);
  }
  const path = field.replace(/^settings\./, '');
  const base = path.split(/[[.:]/)[0];
  const [id, label] = FIELDS[base] || [null, 'Request'];
  // A file inside the project: name it ("Archive (src/app.js)", "Sample (files[\"x\"])").
  const inner = path.length > base.length ? ` (${path.slice(base.length).replace(/^[:.]/, '')})` : '';
  return markInvalid(id ? document.getElementById(id) : null, `${label}${inner}`, words);
}
