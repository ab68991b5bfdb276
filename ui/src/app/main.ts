// Entry point: ask the back end how the store is, then show either the recovery panel or the app.
import { api } from '../ipc/api';
import { toAppError } from '../ipc/index';
import { h, replaceChildren } from '../shared/dom';
import { renderOpenNotice, renderRecovery } from './recovery';
import { startShell } from './shell';

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) throw new Error('#app not found');
  replaceChildren(root, h('p', { class: 'boot muted', role: 'status' }, 'Opening your plans\u2026'));
  let status;
  try {
    status = await api.appStatus();
  } catch (err) {
    replaceChildren(
      root,
      h(
        'main',
        { class: 'recovery' },
        h(
          'section',
          { class: 'card recovery-card' },
          h('h1', null, 'The app could not start'),
          h('div', { class: 'banner error', role: 'alert' }, toAppError(err).message),
        ),
      ),
    );
    return;
  }
  if (status.store_error) {
    renderRecovery(root, status);
    return;
  }
  startShell(root, status, status.open_notice ? renderOpenNotice(status.open_notice) : undefined);
}

void start();
