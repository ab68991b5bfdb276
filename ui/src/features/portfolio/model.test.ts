import { describe, expect, it } from 'vitest';
import { filterByHealth, filterRows, nextSort, sortRows, totalsByCurrency } from './model';
import { row } from './test-rows';

const rows = [
  row({ name: 'Acme', industry: 'Manufacturing', owner: 'Dana', wallet_share: 0.4, total_wallet: 500, tier: 'tier2', next_action_due: '2025-05-01' }),
  row({ name: 'beta Bank', industry: 'Banking', owner: 'Sam', wallet_share: null, total_wallet: 900, tier: 'tier1a' }),
  row({ name: 'Cargo Lines', industry: 'Logistics', owner: 'dana', wallet_share: 0.1, total_wallet: 100, tier: 'tier1b', next_action_due: '2025-03-01' }),
  row({ name: 'Delta Health', industry: 'Health care', owner: 'Lee', wallet_share: 0.9, total_wallet: 700, currency: 'USD', tier: 'tier3' }),
];

describe('filterRows', () => {
  it('keeps everything for an empty query', () => {
    expect(filterRows(rows, '   ')).toHaveLength(4);
  });

  it('matches name, industry or owner, case-insensitively', () => {
    expect(filterRows(rows, 'BANK').map((r) => r.name)).toEqual(['beta Bank']);
    expect(filterRows(rows, 'logis').map((r) => r.name)).toEqual(['Cargo Lines']);
    expect(filterRows(rows, 'dana').map((r) => r.name)).toEqual(['Acme', 'Cargo Lines']);
  });

  it('needs every word to match somewhere', () => {
    expect(filterRows(rows, 'dana manu').map((r) => r.name)).toEqual(['Acme']);
    expect(filterRows(rows, 'dana health')).toEqual([]);
  });
});

describe('sortRows', () => {
  it('sorts names ignoring case, both ways', () => {
    expect(sortRows(rows, { key: 'name', dir: 'asc' }).map((r) => r.name)).toEqual(['Acme', 'beta Bank', 'Cargo Lines', 'Delta Health']);
    expect(sortRows(rows, { key: 'name', dir: 'desc' }).map((r) => r.name)).toEqual(['Delta Health', 'Cargo Lines', 'beta Bank', 'Acme']);
  });

  it('sorts numbers and keeps missing values last in both directions', () => {
    expect(sortRows(rows, { key: 'wallet_share', dir: 'asc' }).map((r) => r.name)).toEqual(['Cargo Lines', 'Acme', 'Delta Health', 'beta Bank']);
    expect(sortRows(rows, { key: 'wallet_share', dir: 'desc' }).map((r) => r.name)).toEqual(['Delta Health', 'Acme', 'Cargo Lines', 'beta Bank']);
    expect(sortRows(rows, { key: 'next_action_due', dir: 'desc' }).map((r) => r.name)).toEqual(['Acme', 'Cargo Lines', 'beta Bank', 'Delta Health']);
  });

  it('sorts tiers in business order, not alphabetically', () => {
    expect(sortRows(rows, { key: 'tier', dir: 'asc' }).map((r) => r.tier)).toEqual(['tier1a', 'tier1b', 'tier2', 'tier3']);
  });

  it('does not change the input and handles 10,000 rows quickly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => row({ name: `Account ${i}`, total_wallet: (i * 7919) % 10_007 }));
    const copy = many.slice();
    const t0 = performance.now();
    const sorted = sortRows(filterRows(many, 'account'), { key: 'total_wallet', dir: 'desc' });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(sorted).toHaveLength(10_000);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1]!.total_wallet).toBeGreaterThanOrEqual(sorted[i]!.total_wallet);
    expect(many).toEqual(copy);
  });
});

describe('nextSort', () => {
  it('flips the same column and starts a new one ascending', () => {
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
    expect(nextSort({ key: 'name', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
    expect(nextSort({ key: 'name', dir: 'desc' }, 'tier')).toEqual({ key: 'tier', dir: 'asc' });
  });
});

describe('totalsByCurrency', () => {
  it('adds amounts per currency only', () => {
    const t = totalsByCurrency(rows);
    expect(t).toHaveLength(2);
    expect(t[0]).toMatchObject({ currency: 'EUR', accounts: 3, total_wallet: 1500 });
    expect(t[1]).toMatchObject({ currency: 'USD', accounts: 1, total_wallet: 700 });
  });
});

describe('health', () => {
  const health = [
    row({ name: 'Calm', health_status: 'healthy', risk_count: 0 }),
    row({ name: 'Fire', health_status: 'critical', risk_count: 2 }),
    row({ name: 'Blaze', health_status: 'critical', risk_count: 9 }),
    row({ name: 'Old', health_status: null }),
    row({ name: 'Wobbly', health_status: 'at_risk', risk_count: 1 }),
  ];

  it('sorts worst first (more risks first within a status), not assessed last either way', () => {
    expect(sortRows(health, { key: 'health', dir: 'asc' }).map((r) => r.name)).toEqual(['Blaze', 'Fire', 'Wobbly', 'Calm', 'Old']);
    expect(sortRows(health, { key: 'health', dir: 'desc' }).map((r) => r.name)).toEqual(['Calm', 'Wobbly', 'Fire', 'Blaze', 'Old']);
  });

  it('filters by status, by "critical or at risk" and by not assessed', () => {
    expect(filterByHealth(health, 'all')).toHaveLength(5);
    expect(filterByHealth(health, 'critical').map((r) => r.name)).toEqual(['Fire', 'Blaze']);
    expect(filterByHealth(health, 'attention').map((r) => r.name)).toEqual(['Fire', 'Blaze', 'Wobbly']);
    expect(filterByHealth(health, 'healthy').map((r) => r.name)).toEqual(['Calm']);
    expect(filterByHealth(health, 'unknown').map((r) => r.name)).toEqual(['Old']);
  });
});
