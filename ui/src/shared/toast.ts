// One message at a time at the bottom of the window, optionally with an action (Undo).
import { h, replaceChildren } from './dom';

export interface ToastOptions {
  actionLabel?: string;
  onAction?: () => void | Promise<void>;
  /** Hide after this many ms; 0 keeps it until dismissed. */
  timeoutMs?: number;
  kind?: 'info' | 'error' | 'success';
}

let region: HTMLElement | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

function toastRegion(): HTMLElement {
  if (region && region.isConnected) return region;
  region = h('div', { class: 'toast-region', role: 'status', 'aria-live': 'polite' });
  document.body.append(region);
  return region;
}

export function hideToast(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  if (region) replaceChildren(region);
}

export function showToast(message: string, opts: ToastOptions = {}): HTMLElement {
  const r = toastRegion();
  if (timer) clearTimeout(timer);
  const action =
    opts.actionLabel && opts.onAction
      ? h(
          'button',
          {
            type: 'button',
            class: 'toast-action',
            onclick: async () => {
              hideToast();
              await opts.onAction?.();
            },
          },
          opts.actionLabel,
        )
      : null;
  const toast = h(
    'div',
    { class: ['toast', opts.kind ?? 'info'] },
    h('span', { class: 'toast-message' }, message),
    action,
    h('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss', onclick: hideToast }, '\u00d7'),
  );
  replaceChildren(r, toast);
  const ms = opts.timeoutMs ?? 10000;
  if (ms > 0) timer = setTimeout(hideToast, ms);
  return toast;
}
