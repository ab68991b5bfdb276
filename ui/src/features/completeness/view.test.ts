import { describe, expect, it } from 'vitest';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { PlanContext } from '../../app/context';
import { completenessView } from './view';

const risk = (severity: string, message: string, area: string) => ({ kind: 'overdue_action', severity, message, area, record_id: null });
const risks = [
  risk('critical', 'Dana (decision maker) has no owner on our team', 'relationship_map'),
  risk('warning', 'Action "Call <b>Eve</b>" was due 2026-05-20, 12 days ago', 'osas'),
  risk('warning', 'No interaction logged for 120 days', 'overview'),
  risk('notice', "Sam's assessment was never verified", 'relationship_map'),
];
const view = {
  plan: { id: 'p1' },
  health: {
    status: 'critical',
    completeness: 0.5,
    headline: '50% complete, 4 risks to fix (1 critical)',
    freshness: { verified_share: 0.75, stale_contacts: 1, contacts: 4, last_interaction: '2026-02-01', days_since_last_interaction: 120 },
    risks,
    fix_first: risks.slice(0, 3),
  },
  completeness: {
    score: 0.5,
    tiers: [
      { tier: 'required', done: 1, total: 2, score: 0.5 },
      { tier: 'recommended', done: 0, total: 1, score: 0 },
      { tier: 'best_practice', done: 1, total: 1, score: 1 },
    ],
    items: [
      { tier: 'required', key: 'industry', label: 'Industry', done: true, missing: '', area: 'overview' },
      { tier: 'required', key: 'bc', label: 'Buying centers', done: false, missing: '<b>No</b> buying center yet', area: 'buying_centers' },
      { tier: 'recommended', key: 'map', label: 'Relationship map', done: false, missing: 'No contacts', area: 'relationship_map' },
      { tier: 'best_practice', key: 'trend', label: 'Growth trend', done: true, missing: '', area: 'overview' },
    ],
  },
} as unknown as PlanView;

const ctx = { view, readonly: false, href: (a: string) => `#/plan/p1/${a}` } as unknown as PlanContext;

describe('completeness view', () => {
  it('shows health in words with an icon, the headline, freshness, and the fix-first list linked to where each is fixed', () => {
    const root = document.createElement('div');
    completenessView(root, ctx);
    const card = root.querySelector('.health-card')!;
    expect(card.querySelector('.health-word')?.textContent).toBe('Critical');
    expect(card.querySelector('.health-icon')?.getAttribute('aria-hidden')).toBe('true');
    expect(card.querySelector('.health-headline')?.textContent).toBe('50% complete, 4 risks to fix (1 critical)');
    expect(card.querySelector('.health-freshness')?.textContent).toContain('75% of 4 contacts verified in the last 90 days (1 stale).');
    const fix = Array.from(card.querySelectorAll('.fix-first li'));
    expect(fix.map((li) => li.querySelector('.severity')?.textContent)).toEqual(['Critical', 'Warning', 'Warning']);
    expect(fix[1]?.querySelector('.risk-message')?.textContent).toBe('Action "Call <b>Eve</b>" was due 2026-05-20, 12 days ago');
    expect(root.querySelector('b')).toBeNull();
    expect(fix.map((li) => li.querySelector('a')?.getAttribute('href'))).toEqual(['#/plan/p1/relationship-map', '#/plan/p1/osas', '#/plan/p1/overview']);
    expect(card.querySelector('.more-risks summary')?.textContent).toBe('1 more risk');
    // Completeness is said with the risks, never "complete" alone.
    expect(root.querySelector('#cmp-score')?.textContent).toBe('Completeness: 50% complete, 4 risks to fix (1 critical)');
  });

  it('says plainly when there is nothing to fix', () => {
    const root = document.createElement('div');
    const calm = { ...view, health: { ...view.health, status: 'healthy', risks: [], fix_first: [], headline: '50% complete, no risks found' } } as unknown as PlanView;
    completenessView(root, { ...ctx, view: calm } as unknown as PlanContext);
    expect(root.querySelector('.health-word')?.textContent).toBe('Healthy');
    expect(root.querySelector('.health-clear')?.textContent).toBe('Nothing to fix: no risks found.');
    expect(root.querySelector('.fix-first')).toBeNull();
  });

  it('shows tier scores, done/missing marks in words, and links to the areas', () => {
    const root = document.createElement('div');
    completenessView(root, ctx);
    expect(root.querySelector('.tier-required .tier-score')?.textContent).toBe('1 of 2');
    const items = Array.from(root.querySelectorAll('.check-item'));
    expect(items.map((i) => i.querySelector('.state')?.textContent)).toEqual(['Done', 'Missing', 'Missing', 'Done']);
    expect(items[1]?.querySelector('.check-missing')?.textContent).toBe('<b>No</b> buying center yet');
    expect(root.querySelector('b')).toBeNull();
    expect(items[1]?.querySelector('a')?.getAttribute('href')).toBe('#/plan/p1/buying-centers');
    expect(items[2]?.querySelector('a')?.getAttribute('href')).toBe('#/plan/p1/relationship-map');
  });
});
