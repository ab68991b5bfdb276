// Pure helpers over the core's PlanView: lookups, the contact list's filters and the
// who-knows-whom ordering. Nothing here computes a figure, a gap or a layout: those come
// from the core (view.coverage_gaps, view.org_chart, view.buying_center_charts).
import type { Attitude } from '../../ipc/bindings/Attitude';
import type { BuyingRole } from '../../ipc/bindings/BuyingRole';
import type { Contact } from '../../ipc/bindings/Contact';
import type { CoverageGap } from '../../ipc/bindings/CoverageGap';
import type { OrgLayout } from '../../ipc/bindings/OrgLayout';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { Relationship } from '../../ipc/bindings/Relationship';

export interface ListFilters {
  /** Buying center id, or '' for all. */
  bc: string;
  role: BuyingRole | '';
  attitude: Attitude | '';
  /** Team member id, '' for anyone, NO_OWNER for people nobody owns. */
  owner: string;
  staleOnly: boolean;
  gapsOnly: boolean;
  query: string;
}

export const NO_OWNER = '__none__';

export const EMPTY_FILTERS: ListFilters = {
  bc: '',
  role: '',
  attitude: '',
  owner: '',
  staleOnly: false,
  gapsOnly: false,
  query: '',
};

export function ownerOf(c: Contact): Relationship | undefined {
  return c.relationships.find((r) => r.owner);
}

export function contactById(view: PlanView): Map<string, Contact> {
  return new Map(view.contacts.map((c) => [c.id, c]));
}

export function teamMemberName(view: PlanView, id: string): string {
  return view.account.team.find((m) => m.id === id)?.name ?? 'Unknown team member';
}

export function buyingCenterName(view: PlanView, id: string): string {
  return view.buying_centers.find((b) => b.id === id)?.name ?? '—';
}

/** The core's coverage gaps of each person (buying-center gaps are not in here). */
export function gapsByContact(view: PlanView): Map<string, CoverageGap[]> {
  const map = new Map<string, CoverageGap[]>();
  for (const g of view.coverage_gaps) {
    if (!g.contact_id) continue;
    const list = map.get(g.contact_id);
    if (list) list.push(g);
    else map.set(g.contact_id, [g]);
  }
  return map;
}

/** Decision-makers, economic buyers and high-influence people: the ones whose coverage matters. */
export function isKeyPerson(c: Contact): boolean {
  return c.role === 'economic_buyer' || c.role === 'decision_maker' || c.influence === 'high';
}

/** Lower-case, accents removed: "Chloé" matches "chloe". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function byName(a: Contact, b: Contact): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

/** The contact list after its filters and search, ordered by name. */
export function filterContacts(view: PlanView, f: ListFilters): Contact[] {
  const gaps = gapsByContact(view);
  const terms = fold(f.query).split(/\s+/).filter(Boolean);
  return view.contacts
    .filter((c) => {
      if (f.bc && c.buying_center_id !== f.bc) return false;
      if (f.role && c.role !== f.role) return false;
      if (f.attitude && c.attitude !== f.attitude) return false;
      if (f.owner) {
        const owner = ownerOf(c);
        if (f.owner === NO_OWNER ? owner !== undefined : owner?.team_member_id !== f.owner) return false;
      }
      const mine = gaps.get(c.id) ?? [];
      if (f.staleOnly && !mine.some((g) => g.kind === 'stale')) return false;
      if (f.gapsOnly && mine.length === 0) return false;
      if (terms.length) {
        const hay = fold([c.name, c.title, c.email, c.phone, c.notes].join(' '));
        if (!terms.every((t) => hay.includes(t))) return false;
      }
      return true;
    })
    .sort(byName);
}

const ROLE_RANK: Partial<Record<BuyingRole, number>> = { decision_maker: 0, economic_buyer: 0 };
const INFLUENCE_RANK = { high: 0, medium: 1, low: 2 } as const;

/**
 * Rows of the who-knows-whom grid: decision makers, economic buyers and high-influence people
 * first, then the rest (by influence, then name). `keyOnly` keeps just the first group.
 */
export function gridRows(view: PlanView, opts: { keyOnly: boolean; bc: string }): Contact[] {
  return view.contacts
    .filter((c) => (!opts.bc || c.buying_center_id === opts.bc) && (!opts.keyOnly || isKeyPerson(c)))
    .sort((a, b) => {
      const ka = isKeyPerson(a) ? 0 : 1;
      const kb = isKeyPerson(b) ? 0 : 1;
      if (ka !== kb) return ka - kb;
      const ra = ROLE_RANK[a.role] ?? 1;
      const rb = ROLE_RANK[b.role] ?? 1;
      if (ra !== rb) return ra - rb;
      const ia = INFLUENCE_RANK[a.influence];
      const ib = INFLUENCE_RANK[b.influence];
      if (ia !== ib) return ia - ib;
      return byName(a, b);
    });
}

/** People whose solid-line manager is `id`. */
export function reportsOf(view: PlanView, id: string): Contact[] {
  return view.contacts.filter((c) => c.reports_to === id).sort(byName);
}

/** The chart for a filter: the whole account's, or the core's chart of one buying center. */
export function chartFor(view: PlanView, bcId: string): OrgLayout | null {
  if (!bcId) return view.org_chart;
  return view.buying_center_charts.find((c) => c.buying_center_id === bcId)?.layout ?? null;
}

export function newId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  // RFC 4122 v4 from getRandomValues (older webviews).
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function blankContact(buyingCenterId: string): Contact {
  return {
    id: newId(),
    buying_center_id: buyingCenterId,
    name: '',
    title: '',
    reports_to: null,
    dotted_line_to: [],
    role: 'user',
    influence: 'medium',
    attitude: 'neutral',
    relationships: [],
    last_contact_on: null,
    verified_on: null,
    email: '',
    phone: '',
    notes: '',
  };
}

/** "Maria Keller" -> "Maria K." for the chart cards. */
export function shortName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return name.trim();
  const last = parts[parts.length - 1] ?? '';
  return `${parts.slice(0, -1).join(' ')} ${last.charAt(0)}.`;
}

/** Cuts text to about `maxPx` at `fontPx` (average glyph width), with an ellipsis. */
export function fitText(text: string, maxPx: number, fontPx: number, bold = false): string {
  const per = fontPx * (bold ? 0.6 : 0.55);
  const max = Math.max(1, Math.floor(maxPx / per));
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, Math.max(1, max - 1)).join('').trimEnd() + '…';
}
