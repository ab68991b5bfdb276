// Plan health in words, colour and an icon together (never colour alone), shared by the
// account's health view and the portfolio's Health column. The status itself comes from the core.
import type { HealthStatus } from '../ipc/bindings/HealthStatus';
import type { Severity } from '../ipc/bindings/Severity';
import { h } from './dom';
import './health.css';

export const HEALTH_STATUSES: Record<HealthStatus, string> = {
  healthy: 'Healthy',
  at_risk: 'At risk',
  critical: 'Critical',
};

/** Worst first: the order a list sorted "by health" shows. */
export const HEALTH_ORDER: Record<HealthStatus, number> = { critical: 0, at_risk: 1, healthy: 2 };

const HEALTH_ICONS: Record<HealthStatus, string> = {
  healthy: '\u2713',
  at_risk: '\u26A0',
  critical: '\u2716',
};

const HEALTH_COLOURS: Record<HealthStatus, string> = { healthy: 'green', at_risk: 'amber', critical: 'red' };

export const SEVERITIES: Record<Severity, string> = {
  critical: 'Critical',
  warning: 'Warning',
  notice: 'Notice',
};

/** "⚠ At risk", as a badge; the icon is decoration, the word carries the meaning. */
export function healthBadge(status: HealthStatus, extra?: string): HTMLElement {
  return h(
    'span',
    { class: ['badge', 'health-badge', HEALTH_COLOURS[status]], dataset: { health: status } },
    h('span', { class: 'health-icon', 'aria-hidden': 'true' }, HEALTH_ICONS[status]),
    h('span', { class: 'health-word' }, HEALTH_STATUSES[status]),
    extra ? h('span', { class: 'health-extra' }, extra) : null,
  );
}

export function riskCount(n: number): string {
  return `${n} ${n === 1 ? 'risk' : 'risks'}`;
}
