// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';

const exportWhiteSpace = vi.fn();
vi.mock('../../ipc/api', () => ({ api: { exportWhiteSpace: (r: unknown) => exportWhiteSpace(r) } }));

import { exportButtons } from './export-buttons';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('white-space export buttons', () => {
  it('asks the back end for CSV and for the workbook and shows where it saved', async () => {
    exportWhiteSpace.mockResolvedValueOnce({ path: '/tmp/ws.csv', bytes: 10 });
    const el = exportButtons('plan-1');
    const [csv, xlsx] = Array.from(el.querySelectorAll('button'));
    csv.click();
    await flush();
    expect(exportWhiteSpace).toHaveBeenLastCalledWith({ plan_id: 'plan-1', format: 'csv' });
    expect(el.textContent).toContain('Saved to /tmp/ws.csv');
    exportWhiteSpace.mockResolvedValueOnce({ path: null, bytes: 0 });
    xlsx.click();
    await flush();
    expect(exportWhiteSpace).toHaveBeenLastCalledWith({ plan_id: 'plan-1', format: 'xlsx' });
    expect(el.textContent).toContain('Cancelled');
  });

  it('shows a refusal as text', async () => {
    exportWhiteSpace.mockRejectedValueOnce({ code: 'io', message: 'disk <b>full</b>' });
    const el = exportButtons('plan-1');
    el.querySelector('button')!.click();
    await flush();
    expect(el.textContent).toContain('Not exported: disk <b>full</b>');
    expect(el.querySelector('b')).toBeNull();
  });
});
