// Test data for the relationship map's tests (imported by *.test.ts only).
import type { Contact } from '../../ipc/bindings/Contact';
import type { CoverageGap } from '../../ipc/bindings/CoverageGap';
import type { OrgLayout } from '../../ipc/bindings/OrgLayout';
import type { PlanView } from '../../ipc/bindings/PlanView';

export const EVIL = '<img src=x onerror="alert(1)"><b>Eve</b>';

export function person(id: string, bc: string, over: Partial<Contact> = {}): Contact {
  return {
    id,
    buying_center_id: bc,
    name: id.toUpperCase(),
    title: '',
    reports_to: null,
    dotted_line_to: [],
    role: 'user',
    influence: 'low',
    attitude: 'neutral',
    relationships: [],
    last_contact_on: null,
    verified_on: '2026-05-01',
    email: '',
    phone: '',
    notes: '',
    ...over,
  };
}

/**
 * Two buying centers (IT: Ann > Ben > Cleo; Ops: Dan, Eve), a team of two, one line of each
 * kind, a dotted line Dan ..> Cleo, and the gaps the core would report.
 */
export function sampleView(): PlanView {
  const contacts: Contact[] = [
    person('ann', 'it', {
      name: 'Ann Archer',
      title: 'CIO',
      role: 'economic_buyer',
      influence: 'high',
      attitude: 'champion',
      relationships: [{ team_member_id: 'm1', level: 'trusted_advisor', owner: true }],
      email: 'ann@example.com',
    }),
    person('ben', 'it', {
      name: 'Ben Baker',
      title: 'Head of Infrastructure',
      reports_to: 'ann',
      role: 'decision_maker',
      influence: 'medium',
      attitude: 'skeptic',
      relationships: [{ team_member_id: 'm2', level: 'vendor', owner: false }],
    }),
    person('cleo', 'it', {
      name: 'Cléo Chen',
      title: 'Platform engineer',
      reports_to: 'ben',
      dotted_line_to: ['dan'],
      verified_on: '2025-01-01',
      notes: 'Runs the Kubernetes migration',
    }),
    person('dan', 'ops', {
      name: 'Dan Diaz',
      title: 'COO',
      role: 'influencer',
      influence: 'high',
      attitude: 'opponent',
      relationships: [
        { team_member_id: 'm1', level: 'credible_source', owner: true },
        { team_member_id: 'm2', level: 'problem_solver', owner: false },
      ],
    }),
    person('eve', 'ops', { name: EVIL, title: '<script>alert(2)</script>', attitude: 'supporter', reports_to: 'dan' }),
  ];
  const gaps: CoverageGap[] = [
    { kind: 'no_owner', reason: 'Ben Baker (decision maker) has no owner on our team', buying_center_id: 'it', contact_id: 'ben' },
    { kind: 'weak_relationship', reason: 'Ben Baker (decision maker): our best relationship is only Vendor', buying_center_id: 'it', contact_id: 'ben' },
    { kind: 'negative_attitude', reason: 'Ben Baker (decision maker) is a skeptic', buying_center_id: 'it', contact_id: 'ben' },
    { kind: 'stale', reason: 'Cléo Chen: assessment last verified 2025-01-01, over 90 days ago', buying_center_id: 'it', contact_id: 'cleo' },
    { kind: 'no_champion', reason: 'Operations has no champion', buying_center_id: 'ops', contact_id: null },
  ];
  const org: OrgLayout = {
    card_width: 180,
    card_height: 64,
    width: 588,
    height: 288,
    nodes: [
      { contact_id: 'ann', x: 0, y: 0 },
      { contact_id: 'ben', x: 0, y: 112 },
      { contact_id: 'cleo', x: 0, y: 224 },
      { contact_id: 'dan', x: 204, y: 0 },
      { contact_id: 'eve', x: 204, y: 112 },
    ],
    edges: [
      { from: 'ann', to: 'ben', kind: 'reports_to' },
      { from: 'ben', to: 'cleo', kind: 'reports_to' },
      { from: 'dan', to: 'eve', kind: 'reports_to' },
      { from: 'dan', to: 'cleo', kind: 'dotted_line' },
      { from: 'ann', to: 'ben', kind: 'influence' },
      { from: 'dan', to: 'ben', kind: 'conflict' },
    ],
  };
  const itChart: OrgLayout = {
    ...org,
    width: 180,
    nodes: org.nodes.filter((n) => ['ann', 'ben', 'cleo'].includes(n.contact_id)),
    edges: org.edges.filter((e) => e.kind === 'reports_to' && e.from !== 'dan').concat([{ from: 'ann', to: 'ben', kind: 'influence' }]),
  };
  const opsChart: OrgLayout = {
    ...org,
    width: 180,
    height: 176,
    nodes: [
      { contact_id: 'dan', x: 0, y: 0 },
      { contact_id: 'eve', x: 0, y: 112 },
    ],
    edges: [{ from: 'dan', to: 'eve', kind: 'reports_to' }],
  };
  const view = {
    account: {
      id: 'acc',
      name: 'Acme',
      team: [
        { id: 'm1', name: 'Maria Keller', role: 'account_manager' },
        { id: 'm2', name: 'Jonas Weber', role: 'solution_engineer' },
      ],
    },
    plan: { id: 'plan-1', account_id: 'acc', period: 'FY2027', status: 'active' },
    today: '2026-06-01',
    buying_centers: [
      { id: 'it', buying_center_id: 'it', name: 'IT', position: 0, contact_count: 3 },
      { id: 'ops', buying_center_id: 'ops', name: 'Operations', position: 1, contact_count: 2 },
    ],
    contacts,
    lines: [
      { id: 'l1', from_contact_id: 'ann', to_contact_id: 'ben', kind: 'influence' },
      { id: 'l2', from_contact_id: 'dan', to_contact_id: 'ben', kind: 'conflict' },
    ],
    coverage_gaps: gaps,
    org_chart: org,
    buying_center_charts: [
      { buying_center_id: 'it', layout: itChart },
      { buying_center_id: 'ops', layout: opsChart },
    ],
  };
  return view as unknown as PlanView;
}

/** A big org for performance and far-zoom tests: one root, `n` people in teams of five. */
export function bigView(n: number): PlanView {
  const v = sampleView();
  const contacts: Contact[] = [];
  const nodes: OrgLayout['nodes'] = [];
  const edges: OrgLayout['edges'] = [];
  for (let i = 0; i < n; i++) {
    const boss = i === 0 ? null : `p${Math.floor((i - 1) / 5)}`;
    contacts.push(person(`p${i}`, 'it', { name: `Person ${i}`, title: `Title ${i}`, reports_to: boss }));
    nodes.push({ contact_id: `p${i}`, x: (i % 20) * 204, y: Math.floor(i / 20) * 112 });
    if (boss) edges.push({ from: boss, to: `p${i}`, kind: 'reports_to' });
  }
  return {
    ...v,
    contacts,
    lines: [],
    coverage_gaps: [],
    org_chart: { card_width: 180, card_height: 64, width: 20 * 204, height: Math.ceil(n / 20) * 112, nodes, edges },
    buying_center_charts: [],
  };
}
