// A small plan view for the white-space tests, shaped like the core's output. Only the parts
// this feature reads are filled in.
import type { PlanContext } from '../../app/context';
import type { CellView } from '../../ipc/bindings/CellView';
import type { Offering } from '../../ipc/bindings/Offering';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { Play } from '../../ipc/bindings/Play';
import type { WhiteSpaceCell } from '../../ipc/bindings/WhiteSpaceCell';

export const BC_OPS = 'bc-ops';
export const BC_EVIL = 'bc-evil';
export const EVIL_NAME = '<img src=x onerror="alert(1)">Ops & <b>Finance</b>';
export const OFF_FLEET = 'off-fleet';
export const OFF_ROUTE = 'off-route';
export const OFF_SPEND = 'off-spend';

export function offering(id: string, name: string, family: string, retired = false): Offering {
  return { id, name, family, description: '', typical_deal_size: 100000, currency: 'EUR', retired };
}

export function cell(
  id: string,
  bc: string,
  off: string,
  status: WhiteSpaceCell['status'],
  us: number | null,
  them: number | null,
  revenue = 0,
): WhiteSpaceCell {
  return {
    id,
    buying_center_id: bc,
    offering_id: off,
    status,
    value_to_us: us,
    value_to_customer: them,
    value_to_us_rationale: '',
    value_to_customer_rationale: '',
    estimated_revenue: revenue,
    competitor: '',
    blocked_reason: '',
  };
}

function cv(c: WhiteSpaceCell, extra: Partial<CellView> = {}): CellView {
  const score = c.value_to_us !== null && c.value_to_customer !== null ? c.value_to_us * c.value_to_customer : null;
  return { cell: c, status: c.status, mutual_value_score: score, quadrant: null, opportunity_ids: [], open_opportunity_amount: 0, warnings: [], ...extra };
}

export function play(cellRow: WhiteSpaceCell, bcName: string, offName: string, extra: Partial<Play> = {}): Play {
  const us = cellRow.value_to_us ?? 1;
  const them = cellRow.value_to_customer ?? 1;
  return {
    cell_id: cellRow.id,
    buying_center_id: cellRow.buying_center_id,
    buying_center: bcName,
    offering_id: cellRow.offering_id,
    offering: offName,
    status: cellRow.status,
    value_to_us: us,
    value_to_customer: them,
    mutual_value_score: us * them,
    quadrant: 'pursue',
    kind: 'up_sell',
    estimated_revenue: cellRow.estimated_revenue,
    open_opportunity_amount: 0,
    ...extra,
  };
}

/**
 * Ops: Fleet installed (4x5), Route open (5x2, don't force-fit), Spend not assessed.
 * Evil-named center: Fleet competitor (4x4, no competitor named: warning), Route open (2x5).
 */
export function sampleView(planId: string = crypto.randomUUID()): PlanView {
  const c1 = cell('c1', BC_OPS, OFF_FLEET, 'installed', 4, 5, 50000000);
  const c2 = cell('c2', BC_OPS, OFF_ROUTE, 'open', 5, 2, 20000000);
  const c3 = cell('c3', BC_EVIL, OFF_FLEET, 'competitor', 4, 4, 30000000);
  const c4 = cell('c4', BC_EVIL, OFF_ROUTE, 'open', 2, 5, 1000000);
  const cells: CellView[] = [
    cv(c1, { quadrant: 'pursue' }),
    cv(c2, { quadrant: 'dont_force_fit' }),
    cv(c3, {
      quadrant: 'pursue',
      warnings: [{ field: 'competitor', message: 'Competitor status, but no competitor is named' }],
    }),
    cv(c4, { quadrant: 'nurture' }),
  ];
  // The core's order; deliberately not what a naive sort by score would give for ties.
  const plays: Play[] = [
    play(c3, EVIL_NAME, 'Fleet Telematics', { quadrant: 'pursue', kind: 'cross_sell' }),
    play(c4, EVIL_NAME, 'Route Optimizer', { quadrant: 'nurture' }),
    play(c2, 'Operations', 'Route Optimizer', { quadrant: 'dont_force_fit' }),
  ];
  const view = {
    plan: { id: planId, account_id: 'acc-1', period: 'FY2026', starts_on: '2026-01-01', ends_on: '2026-12-31', status: 'active', currency: 'EUR', rolled_from: null },
    buying_centers: [
      { id: BC_OPS, name: 'Operations' },
      { id: BC_EVIL, name: EVIL_NAME },
    ],
    opportunities: [],
    white_space: {
      rows: [BC_OPS, BC_EVIL],
      columns: [
        offering(OFF_SPEND, 'Spend Analytics', 'Analytics'),
        offering(OFF_FLEET, 'Fleet Telematics', 'Platform'),
        offering(OFF_ROUTE, 'Route Optimizer', 'Platform', true),
      ],
      cells,
    },
    plays,
  };
  return view as unknown as PlanView;
}

export interface FakeCtx extends PlanContext {
  saves: Array<Parameters<PlanContext['save']>>;
}

/** A context whose save records its arguments and resolves with `next` (default: same view). */
export function fakeCtx(view: PlanView, opts: { readonly?: boolean; save?: PlanContext['save'] } = {}): FakeCtx {
  const saves: FakeCtx['saves'] = [];
  return {
    view,
    readonly: opts.readonly ?? false,
    saves,
    save(upserts, deletes) {
      saves.push([upserts, deletes]);
      return opts.save ? opts.save(upserts, deletes) : Promise.resolve(view);
    },
    saveAccount: () => Promise.resolve(),
    replaceView: () => undefined,
    navigate: () => undefined,
    href: (area) => `#/plan/${view.plan.id}/${area}`,
  };
}
