// Display names, colours and icons for the relationship map's enums. The enums themselves
// come from the Rust core (ipc/bindings); only how they look is decided here.
import type { Attitude } from '../../ipc/bindings/Attitude';
import type { BuyingRole } from '../../ipc/bindings/BuyingRole';
import type { EdgeKind } from '../../ipc/bindings/EdgeKind';
import type { GapKind } from '../../ipc/bindings/GapKind';
import type { Influence } from '../../ipc/bindings/Influence';
import type { RelationshipLevel } from '../../ipc/bindings/RelationshipLevel';
import type { TeamRole } from '../../ipc/bindings/TeamRole';
import { svg as s } from '../../shared/svg';

export const ROLES: ReadonlyArray<[BuyingRole, string]> = [
  ['economic_buyer', 'Economic buyer'],
  ['decision_maker', 'Decision maker'],
  ['technical_evaluator', 'Technical evaluator'],
  ['user', 'User'],
  ['influencer', 'Influencer'],
  ['champion', 'Champion/coach'],
  ['gatekeeper', 'Gatekeeper'],
  ['blocker', 'Blocker'],
];

export const INFLUENCES: ReadonlyArray<[Influence, string]> = [
  ['high', 'High'],
  ['medium', 'Medium'],
  ['low', 'Low'],
];

export const ATTITUDES: ReadonlyArray<[Attitude, string]> = [
  ['champion', 'Champion'],
  ['supporter', 'Supporter'],
  ['neutral', 'Neutral'],
  ['skeptic', 'Skeptic'],
  ['opponent', 'Opponent'],
];

/** Weakest to strongest, as the core orders them. */
export const LEVELS: ReadonlyArray<[RelationshipLevel, string]> = [
  ['none', 'None'],
  ['vendor', 'Vendor'],
  ['credible_source', 'Credible source'],
  ['problem_solver', 'Problem solver'],
  ['trusted_advisor', 'Trusted advisor'],
];

export const GAP_KINDS: Readonly<Record<GapKind, string>> = {
  no_owner: 'No owner',
  weak_relationship: 'Weak relationship',
  negative_attitude: 'Negative attitude',
  single_threaded: 'Single-threaded',
  no_economic_buyer: 'No economic buyer',
  no_champion: 'No champion',
  stale: 'Not verified for 90 days',
};

export const TEAM_ROLES: Readonly<Record<TeamRole, string>> = {
  account_manager: 'Account manager',
  solution_engineer: 'Solution engineer',
  executive_sponsor: 'Executive sponsor',
  marketing: 'Marketing',
  customer_success: 'Customer success',
  services: 'Services',
  other: 'Other',
};

export const EDGE_KINDS: ReadonlyArray<[EdgeKind, string, string]> = [
  ['reports_to', 'Reports to', 'Solid-line manager (from the manager down to the report)'],
  ['dotted_line', 'Dotted-line manager', 'A second manager in a matrix organisation'],
  ['influence', 'Influences', 'A sways B: the arrow points at the person swayed'],
  ['conflict', 'Conflict', 'A and B pull against each other'],
];

function lookup<T extends string>(list: ReadonlyArray<[T, string]>, value: T): string {
  return list.find(([v]) => v === value)?.[1] ?? value;
}

export const roleLabel = (r: BuyingRole): string => lookup(ROLES, r);
export const influenceLabel = (i: Influence): string => lookup(INFLUENCES, i);
export const attitudeLabel = (a: Attitude): string => lookup(ATTITUDES, a);
export const levelLabel = (l: RelationshipLevel): string => lookup(LEVELS, l);
export const levelRank = (l: RelationshipLevel): number => LEVELS.findIndex(([v]) => v === l);

/** Short role names for the 180-px chart cards. */
export const ROLE_SHORT: Readonly<Record<BuyingRole, string>> = {
  economic_buyer: 'Econ. buyer',
  decision_maker: 'Decision maker',
  technical_evaluator: 'Tech. evaluator',
  user: 'User',
  influencer: 'Influencer',
  champion: 'Champion/coach',
  gatekeeper: 'Gatekeeper',
  blocker: 'Blocker',
};

/**
 * Attitude colours, a diverging scheme chosen to stay apart for red-green colour blindness
 * (blue = for us, orange/red-purple = against). Colour is never the only cue: every use also
 * shows the label and a distinct shape (star, triangle up, circle, triangle down, cross).
 */
export const ATTITUDE_COLOR: Readonly<Record<Attitude, string>> = {
  champion: '#1b5e9e',
  supporter: '#4f95d0',
  neutral: '#8a939e',
  skeptic: '#d9822b',
  opponent: '#b3261e',
};

/** A light tint of the attitude colour, for card backgrounds. */
export const ATTITUDE_TINT: Readonly<Record<Attitude, string>> = {
  champion: '#e3eef9',
  supporter: '#eef5fb',
  neutral: '#f4f5f7',
  skeptic: '#fdf0e2',
  opponent: '#fbe7e5',
};

/** The attitude's shape, centred on (0, 0), about `size` across. */
export function attitudeShape(a: Attitude, size = 10): SVGElement {
  const h = size / 2;
  const fill = ATTITUDE_COLOR[a];
  const cls = `rm-att-icon rm-att-${a}`;
  switch (a) {
    case 'champion': {
      const pts: string[] = [];
      for (let i = 0; i < 10; i++) {
        const rad = i % 2 === 0 ? h : h * 0.45;
        const ang = -Math.PI / 2 + (i * Math.PI) / 5;
        pts.push(`${(rad * Math.cos(ang)).toFixed(2)},${(rad * Math.sin(ang)).toFixed(2)}`);
      }
      return s('polygon', { class: cls, points: pts.join(' '), fill });
    }
    case 'supporter':
      return s('polygon', { class: cls, points: `0,${-h} ${h},${h * 0.8} ${-h},${h * 0.8}`, fill });
    case 'neutral':
      return s('circle', { class: cls, r: h * 0.75, fill });
    case 'skeptic':
      return s('polygon', { class: cls, points: `0,${h} ${h},${-h * 0.8} ${-h},${-h * 0.8}`, fill });
    case 'opponent':
      return s(
        'path',
        {
          class: cls,
          d: `M${-h * 0.8},${-h * 0.8}L${h * 0.8},${h * 0.8}M${h * 0.8},${-h * 0.8}L${-h * 0.8},${h * 0.8}`,
          stroke: fill,
          'stroke-width': Math.max(2, size / 4),
          'stroke-linecap': 'round',
          fill: 'none',
        },
      );
  }
}

/** The attitude's shape as a small inline <svg>, for HTML (lists, legends, forms). */
export function attitudeIcon(a: Attitude, size = 12): SVGSVGElement {
  return s(
    'svg',
    {
      class: 'rm-att-svg',
      width: size,
      height: size,
      viewBox: `${-size / 2} ${-size / 2} ${size} ${size}`,
      'aria-hidden': 'true',
      focusable: 'false',
    },
    attitudeShape(a, size - 1),
  );
}
