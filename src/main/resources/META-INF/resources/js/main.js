// Page wiring: sign-in state, the hash route (#/deployments/{id}) and refreshes after deployments.
import { currentUser, signIn, signOut, refreshQuota } from './account.js';
import { loadPlatforms, onPlatformsChanged, consumeConnectResult } from './platforms.js';
import { initDeployForm, setPlatforms, loadSamples } from './deploy-form.js';
import { showDeployment, closeDeployment, onDeploymentEvents } from './deployment-view.js';
import { loadHistory } from './history.js';
import { describe, notify } from './dom.js';

const $ = (id) => document.getElementById(id);

function route() {
  const match = /^#\/deployments\/([^/]+)$/.exec(window.location.hash);
  if (match) {
    showDeployment(decodeURIComponent(match[1]));
  } else {
    closeDeployment();
  }
}

function openDeployment(view) {
  const hash = `#/deployments/${encodeURIComponent(view.id)}`;
  if (window.location.hash !== hash) {
    history.pushState(null, '', hash); // no hashchange event: route() below shows it
  }
  route();
  // Keyboard and screen-reader users land on the new deployment (focusing also scrolls it into view).
  $('deployment-title').focus();
  refreshQuota();
  loadHistory();
}

async function enterApp(user) {
  $('sign-in-panel').hidden = true;
  $('app').hidden = false;
  $('account').hidden = false;
  $('account-user').textContent = user.userId;
  await Promise.all([loadPlatforms(), loadSamples(), loadHistory(), refreshQuota()]);
  route();
}

function showSignIn() {
  closeDeployment();
  $('app').hidden = true;
  $('account').hidden = true;
  $('sign-in-panel').hidden = false;
  $('username').focus();
}

async function start() {
  consumeConnectResult();
  onPlatformsChanged(setPlatforms);
  initDeployForm(openDeployment, loadPlatforms);
  onDeploymentEvents({
    finished: () => { loadHistory(); refreshQuota(); },
    redeployed: openDeployment,
  });
  window.addEventListener('hashchange', route);
  $('history-refresh').addEventListener('click', () => loadHistory());
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('sign-in-error').textContent = '';
    try {
      await signIn($('username').value.trim());
      await enterApp(await currentUser());
    } catch (e) {
      const fields = e.problem?.errors?.map((f) => f.message).join('; ');
      $('sign-in-error').textContent = fields || describe(e);
    }
  });
  $('sign-out').addEventListener('click', async () => {
    await signOut().catch(() => {});
    window.location.hash = '';
    showSignIn();
  });
  try {
    const user = await currentUser();
    if (user) {
      await enterApp(user);
    } else {
      showSignIn();
    }
  } catch (e) {
    notify(`The gateway is not reachable: ${describe(e)}`, 'error');
  }
}

start();
