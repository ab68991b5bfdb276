import { describe, expect, it } from 'vitest';
import { parseHash, planHash, routeHash, snapshotHash, type Route } from './router';

describe('parseHash', () => {
  it('reads the portfolio from an empty or root hash', () => {
    for (const h of ['', '#', '#/', '#/portfolio', '/']) {
      expect(parseHash(h)).toEqual({ name: 'portfolio' });
    }
  });

  it('reads a plan area', () => {
    expect(parseHash('#/plan/abc-123/buying-centers')).toEqual({
      name: 'plan',
      planId: 'abc-123',
      area: 'buying-centers',
    });
  });

  it('defaults a plan without area to the overview', () => {
    expect(parseHash('#/plan/p1')).toEqual({ name: 'plan', planId: 'p1', area: 'overview' });
    expect(parseHash('#/plan/p1/')).toEqual({ name: 'plan', planId: 'p1', area: 'overview' });
  });

  it('reads a snapshot area', () => {
    expect(parseHash('#/snapshot/s9/completeness')).toEqual({
      name: 'snapshot',
      snapshotId: 's9',
      area: 'completeness',
    });
  });

  it('decodes ids and ignores a query string', () => {
    expect(parseHash('#/plan/a%20b/export?x=1')).toEqual({ name: 'plan', planId: 'a b', area: 'export' });
  });

  it('refuses unknown areas, extra parts and unknown pages', () => {
    expect(parseHash('#/plan/p1/nope').name).toBe('not-found');
    expect(parseHash('#/plan/p1/overview/extra').name).toBe('not-found');
    expect(parseHash('#/plan').name).toBe('not-found');
    expect(parseHash('#/settings').name).toBe('not-found');
    expect(parseHash('#/plan/%E0%A4%A/overview').name).toBe('not-found');
  });

  it('round-trips through routeHash', () => {
    const routes: Route[] = [
      { name: 'portfolio' },
      { name: 'my-actions' },
      { name: 'plan', planId: 'x/y', area: 'white-space' },
      { name: 'snapshot', snapshotId: 's', area: 'export' },
    ];
    for (const r of routes) expect(parseHash(routeHash(r))).toEqual(r);
    expect(planHash('p')).toBe('#/plan/p/overview');
    expect(snapshotHash('s', 'osas')).toBe('#/snapshot/s/osas');
  });
});
