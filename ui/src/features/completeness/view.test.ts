import { describe, expect, it } from 'vitest';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { PlanContext } from '../../app/context';
import { completenessView } from './view';

const view = {
  plan: { id: 'p1' },
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
