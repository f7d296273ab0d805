// Page wiring: sign-in state, the hash route (#/deployments/{id}), the hand-off (/deploy?…) and the refreshes after
// deployments.
import { currentUser, signIn, signOut, refreshQuota } from './account.js';
import { loadPlatforms, onPlatformsChanged, consumeConnectResult, deploysTo } from './platforms.js';
import { initDeployForm, setPlatforms, loadSamples, prefill, useRegisteredSource } from './deploy-form.js';
import { showDeployment, closeDeployment, onDeploymentEvents } from './deployment-view.js';
import { loadHistory } from './history.js';
import { describe } from './dom.js';
import { notify } from './notice.js';
import { readHandoff, prepareHandoff, renderHandoff, handoffProgress, finishHandoff, sender } from './handoff.js';

const $ = (id) => document.getElementById(id);

const handoff = readHandoff();
// The deployment this hand-off started, kept across reloads of the same link.
const handoffKey = `handoff:${window.location.search}`;
let signedIn = false;
let connected = false;
let ended = false;

function progress() {
  if (handoff) {
    handoffProgress(!signedIn ? 0 : !connected ? 1 : !ended ? 2 : 3);
  }
}

async function route({ initial = false } = {}) {
  const match = /^#\/deployments\/([^/]+)$/.exec(window.location.hash);
  if (!match) {
    closeDeployment();
    return;
  }
  const shown = showDeployment(decodeURIComponent(match[1]));
  if (initial) {
    // A reloaded or shared link lands on the deployment, also on a phone where it sits below the form: the data
    // above it has arrived by now, so nothing moves it away again.
    await shown;
    $('deployment-panel').scrollIntoView({ block: 'start' });
    $('deployment-title').focus({ preventScroll: true });
  }
}

function openDeployment(view) {
  const hash = `#/deployments/${encodeURIComponent(view.id)}`;
  if (window.location.hash !== hash) {
    history.pushState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  }
  if (handoff) {
    sessionStorage.setItem(handoffKey, view.id);
  }
  route();
  // Keyboard and screen-reader users land on the new deployment (focusing also scrolls it into view).
  $('deployment-title').focus();
  refreshQuota();
  loadHistory();
}

function finished(view) {
  loadHistory();
  refreshQuota();
  if (handoff && sessionStorage.getItem(handoffKey) === view.id) {
    ended = true;
    progress();
    finishHandoff(handoff, view);
  }
}

async function enterApp(user) {
  signedIn = true;
  $('sign-in-panel').hidden = true;
  $('app').hidden = false;
  $('account').hidden = false;
  $('account-user').textContent = user.userId;
  if (handoff) {
    await prepareHandoff(handoff);
    renderHandoff(handoff);
    progress();
  }
  await Promise.all([loadPlatforms(), loadSamples(), loadHistory(), refreshQuota()]);
  if (handoff) {
    prefill(handoff);
    if (handoff.registered) {
      useRegisteredSource(handoff.registered, sender(handoff));
    }
  }
  await route({ initial: true });
}

function showSignIn() {
  signedIn = false;
  closeDeployment();
  $('app').hidden = true;
  $('account').hidden = true;
  $('sign-in-panel').hidden = false;
  if (handoff) {
    renderHandoff(handoff);
    progress();
  }
  $('username').focus();
}

async function start() {
  history.scrollRestoration = 'manual'; // the page scrolls to a deployment itself, once its data is there
  consumeConnectResult();
  onPlatformsChanged((platforms) => {
    setPlatforms(platforms);
    connected = platforms.some((p) => deploysTo(p) && p.connection.state === 'CONNECTED');
    progress();
  });
  initDeployForm({ deployed: openDeployment, connectionProblem: loadPlatforms, rateLimited: refreshQuota });
  onDeploymentEvents({ finished, redeployed: openDeployment });
  window.addEventListener('hashchange', () => route());
  $('history-refresh').addEventListener('click', () => loadHistory());
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('sign-in-error').textContent = '';
    $('username').removeAttribute('aria-invalid');
    try {
      await signIn($('username').value.trim());
      await enterApp(await currentUser());
    } catch (e) {
      const fields = e.problem?.errors?.map((f) => f.message).join('; ');
      $('sign-in-error').textContent = fields || describe(e);
      $('username').setAttribute('aria-invalid', 'true');
    }
  });
  $('sign-out').addEventListener('click', async () => {
    await signOut().catch(() => {});
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
    showSignIn();
  });
  try {
    const user = await currentUser();
    $('page-loading').hidden = true;
    if (user) {
      await enterApp(user);
    } else {
      showSignIn();
    }
  } catch (e) {
    $('page-loading').hidden = true;
    notify(`The gateway is not reachable: ${describe(e)}`, 'error');
  }
}

start();
