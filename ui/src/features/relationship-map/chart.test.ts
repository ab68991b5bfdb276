import { afterEach, describe, expect, it, vi } from 'vitest';
import { EDGE_STYLE, buildChartSvg, compactName, legend, renderChart, type ChartOptions } from './chart';
import { EVIL, bigView, sampleView } from './fixtures';

function cardAt(svg: Element, id: string): SVGGElement {
  const el = svg.querySelector<SVGGElement>(`.rm-card[data-contact-id="${id}"]`);
  if (!el) throw new Error(`no card ${id}`);
  return el;
}

function edges(svg: Element, kind: string): SVGPathElement[] {
  return Array.from(svg.querySelectorAll<SVGPathElement>(`path.rm-edge[data-kind="${kind}"]`));
}

describe('buildChartSvg', () => {
  it('draws one card per node of the core layout, at the core positions', () => {
    const view = sampleView();
    const { svg } = buildChartSvg(view, view.org_chart, null);
    const cards = svg.querySelectorAll('.rm-card');
    expect(cards).toHaveLength(view.org_chart.nodes.length);
    for (const n of view.org_chart.nodes) {
      expect(cardAt(svg, n.contact_id).getAttribute('transform')).toBe(`translate(${n.x} ${n.y})`);
      const bg = cardAt(svg, n.contact_id).querySelector('rect.rm-card-bg');
      expect(bg?.getAttribute('width')).toBe('180');
      expect(bg?.getAttribute('height')).toBe('64');
    }
  });

  it('uses the buying center chart as given (its own positions)', () => {
    const view = sampleView();
    const ops = view.buying_center_charts[1]!.layout;
    const { svg } = buildChartSvg(view, ops, null);
    expect(svg.querySelectorAll('.rm-card')).toHaveLength(2);
    expect(cardAt(svg, 'eve').getAttribute('transform')).toBe('translate(0 112)');
  });

  it('shows name, title, role, influence, attitude label and owner on each card', () => {
    const view = sampleView();
    const { svg } = buildChartSvg(view, view.org_chart, null);
    const ann = cardAt(svg, 'ann');
    expect(ann.querySelector('.rm-name')?.textContent).toBe('Ann Archer');
    expect(ann.querySelector('.rm-title')?.textContent).toBe('CIO');
    expect(ann.querySelector('.rm-role')?.textContent).toBe('Econ. buyer');
    expect(ann.querySelector('.rm-influence')?.textContent).toBe('High infl.');
    expect(ann.querySelector('.rm-att-label')?.textContent).toBe('Champion');
    expect(ann.querySelector('.rm-owner')?.textContent).toBe('⚑ Maria K.');
    expect(cardAt(svg, 'ben').querySelector('.rm-owner')?.textContent).toBe('⚑ no owner');
    const labels = Array.from(svg.querySelectorAll('.rm-att-label')).map((t) => t.textContent);
    expect(labels.sort()).toEqual(['Champion', 'Neutral', 'Opponent', 'Skeptic', 'Supporter']);
    // Each attitude also has its own shape, not just a colour.
    for (const a of ['champion', 'supporter', 'neutral', 'skeptic', 'opponent']) {
      expect(svg.querySelector(`.rm-card .rm-att-icon.rm-att-${a}`)).not.toBeNull();
    }
  });

  it('draws reporting lines as elbows, dotted lines dotted, influence arrowed, conflict red dashed with a mid marker', () => {
    const view = sampleView();
    const { svg } = buildChartSvg(view, view.org_chart, null);
    const reports = edges(svg, 'reports_to');
    expect(reports).toHaveLength(3);
    const annBen = reports.find((p) => p.dataset.from === 'ann' && p.dataset.to === 'ben')!;
    // Manager's bottom centre (90, 64) down to the middle of the gap, across, down to the top of the report.
    expect(annBen.getAttribute('d')).toBe('M90,64V88H90V112');
    expect(annBen.getAttribute('stroke-dasharray')).toBeNull();
    expect(annBen.getAttribute('marker-end')).toBeNull();

    const [dotted] = edges(svg, 'dotted_line');
    expect(dotted?.getAttribute('stroke-dasharray')).toBe(EDGE_STYLE.dotted_line.dash);
    expect(dotted?.getAttribute('stroke-linecap')).toBe('round');
    expect(dotted?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+V[\d.]+H[\d.]+V[\d.]+$/);

    const [influence] = edges(svg, 'influence');
    expect(influence?.getAttribute('marker-end')).toBe('url(#rm-arrow)');
    expect(influence?.getAttribute('stroke-dasharray')).toBeNull();
    expect(svg.querySelector('marker#rm-arrow')).not.toBeNull();

    const [conflict] = edges(svg, 'conflict');
    expect(conflict?.getAttribute('stroke')).toBe('#c62828');
    expect(conflict?.getAttribute('stroke-dasharray')).toBe('7 4');
    expect(conflict?.getAttribute('marker-mid')).toBe('url(#rm-conflict)');
    // Three points, so marker-mid has a vertex in the middle.
    expect(conflict?.getAttribute('d')?.match(/[ML]/g)).toHaveLength(3);
    expect(svg.querySelector('marker#rm-conflict')).not.toBeNull();
  });

  it('gives a stacked column of reports a spine instead of elbows from the centre', () => {
    const view = sampleView();
    const layout = {
      ...view.org_chart,
      nodes: [
        { contact_id: 'ann', x: 0, y: 0 },
        { contact_id: 'ben', x: 24, y: 112 },
        { contact_id: 'cleo', x: 24, y: 188 },
      ],
      edges: [
        { from: 'ann', to: 'ben', kind: 'reports_to' as const },
        { from: 'ann', to: 'cleo', kind: 'reports_to' as const },
      ],
    };
    const { svg } = buildChartSvg(view, layout, null);
    const ds = edges(svg, 'reports_to').map((p) => p.getAttribute('d'));
    expect(ds).toEqual(['M12,64V144H24', 'M12,64V220H24']);
  });

  it('bows a line between neighbours out beside them, keeping a middle vertex', () => {
    const view = sampleView();
    const layout = {
      ...view.org_chart,
      nodes: [
        { contact_id: 'ann', x: 0, y: 0 },
        { contact_id: 'ben', x: 0, y: 76 },
      ],
      edges: [{ from: 'ann', to: 'ben', kind: 'conflict' as const }],
    };
    const { svg } = buildChartSvg(view, layout, null);
    const d = edges(svg, 'conflict')[0]?.getAttribute('d') ?? '';
    // From Ann's right side, out to x = 216 and back to Ben's right side, in two curves.
    expect(d).toBe('M182,32Q216,32 216,70Q216,108 182,108');
  });

  it('badges cards with coverage gaps and lists the reasons in the card title', () => {
    const view = sampleView();
    const { svg } = buildChartSvg(view, view.org_chart, null);
    const ben = cardAt(svg, 'ben');
    expect(ben.querySelector('.rm-gap-badge')?.textContent).toBe('⚠ 3');
    const title = ben.querySelector('title')?.textContent ?? '';
    expect(title).toContain('has no owner on our team');
    expect(title).toContain('is a skeptic');
    expect(cardAt(svg, 'ann').querySelector('.rm-gap-badge')).toBeNull();
  });

  it('renders markup in names and titles as text', () => {
    const view = sampleView();
    const { svg } = buildChartSvg(view, view.org_chart, null);
    expect(svg.querySelector('img, script, b, foreignObject')).toBeNull();
    const eve = cardAt(svg, 'eve');
    expect(eve.querySelector('title')?.textContent).toContain(EVIL);
    expect(eve.querySelector('.rm-name')?.textContent?.startsWith('<img')).toBe(true);
    expect(eve.getAttribute('aria-label')).toContain(EVIL);
  });

  it('marks the selected card', () => {
    const view = sampleView();
    const { svg } = buildChartSvg(view, view.org_chart, 'dan');
    expect(svg.querySelectorAll('.rm-selected')).toHaveLength(1);
    expect(cardAt(svg, 'dan').classList.contains('rm-selected')).toBe(true);
  });

  it('builds 200 people quickly', () => {
    const view = bigView(200);
    const t0 = performance.now();
    const { svg } = buildChartSvg(view, view.org_chart, null);
    const ms = performance.now() - t0;
    expect(svg.querySelectorAll('.rm-card')).toHaveLength(200);
    expect(edges(svg, 'reports_to')).toHaveLength(199);
    expect(ms).toBeLessThan(1500);
  });
});

describe('compactName', () => {
  it('keeps the initial and the last name for zoomed-out cards', () => {
    expect(compactName('Henrik Vogel')).toBe('H. Vogel');
    expect(compactName('Dr. Lena Brandt')).toBe('L. Brandt');
    expect(compactName('Ирина Смирнова')).toBe('И. Смирнова');
    expect(compactName('Cher')).toBe('Cher');
  });
});

describe('legend', () => {
  it('names the five attitudes and the four kinds of line', () => {
    const el = legend();
    const text = el.textContent ?? '';
    for (const w of ['Champion', 'Supporter', 'Neutral', 'Skeptic', 'Opponent', 'Reports to', 'Dotted-line', 'Influences', 'Conflict']) {
      expect(text).toContain(w);
    }
    expect(el.querySelectorAll('[data-attitude] .rm-att-icon')).toHaveLength(5);
    expect(el.querySelectorAll('[data-kind] path')).toHaveLength(4);
  });
});

describe('renderChart', () => {
  afterEach(() => {
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  function mount(over: Partial<ChartOptions> = {}) {
    const view = sampleView();
    const opts: ChartOptions = {
      view,
      layout: view.org_chart,
      selectedId: null,
      readonly: false,
      transform: { k: 1, tx: 0, ty: 0 },
      onTransform: vi.fn(),
      onSelect: vi.fn(),
      onReassign: vi.fn(),
      ...over,
    };
    const handle = renderChart(opts);
    document.body.appendChild(handle.element);
    const stage = handle.element.querySelector<HTMLElement>('.rm-stage')!;
    vi.spyOn(stage, 'getBoundingClientRect').mockReturnValue({
      left: 0, top: 0, width: 800, height: 600, right: 800, bottom: 600, x: 0, y: 0, toJSON: () => ({}),
    } as DOMRect);
    const svg = handle.element.querySelector('svg')!;
    const viewport = svg.querySelector('g.rm-viewport')!;
    return { handle, opts, stage, svg, viewport };
  }

  function pointer(target: Element, type: string, x: number, y: number) {
    const e = new MouseEvent(type, { bubbles: true, clientX: x, clientY: y, button: 0 });
    target.dispatchEvent(e);
  }

  it('zooms with the buttons by changing one transform, without rebuilding cards', () => {
    const { handle, svg, viewport } = mount();
    const before = svg.querySelector('.rm-card');
    (handle.element.querySelector('.rm-zoom-in') as HTMLButtonElement).click();
    expect(handle.transform().k).toBeCloseTo(1.25);
    expect(viewport.getAttribute('transform')).toContain('scale(1.25)');
    expect(svg.querySelector('.rm-card')).toBe(before);
    (handle.element.querySelector('.rm-zoom-out') as HTMLButtonElement).click();
    expect(handle.transform().k).toBeCloseTo(1);
  });

  it('fits the chart to the window', () => {
    const { handle, viewport } = mount();
    (handle.element.querySelector('.rm-fit') as HTMLButtonElement).click();
    const t = handle.transform();
    // 588 x 288 in an 800 x 600 stage: limited by the 1.25 cap.
    expect(t.k).toBeCloseTo(1.25);
    expect(t.tx).toBeCloseTo((800 - 588 * 1.25) / 2);
    expect(viewport.getAttribute('transform')).toContain('scale(1.25)');
  });

  it('drops detail as it zooms out: full cards, then large names, then attitude shapes', () => {
    const view = bigView(150);
    const lod = (k: number) => {
      const { svg } = mount({ view, layout: view.org_chart, transform: { k, tx: 0, ty: 0 } });
      return ['rm-zoom-far', 'rm-zoom-tiny'].filter((c) => svg.classList.contains(c)).join(' ');
    };
    expect(lod(1)).toBe('');
    expect(lod(0.4)).toBe('rm-zoom-far');
    expect(lod(0.2)).toBe('rm-zoom-tiny');
    // Fitting 150 people to an 800 x 600 stage zooms far out; the zoom label says how far.
    const { handle, svg } = mount({ view, layout: view.org_chart });
    handle.fit();
    expect(handle.transform().k).toBeLessThan(0.3);
    expect(svg.classList.contains('rm-zoom-tiny')).toBe(true);
    expect(handle.element.querySelector('.rm-zoom-level')?.textContent).toBe(`${Math.round(handle.transform().k * 100)}%`);
  });

  it('zooms with ctrl+wheel at the pointer and pans with the plain wheel', () => {
    const { handle, stage } = mount();
    stage.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, ctrlKey: true, clientX: 100, clientY: 100, bubbles: true, cancelable: true }));
    const t = handle.transform();
    expect(t.k).toBeGreaterThan(1);
    // The point under the pointer stays put.
    expect((100 - t.tx) / t.k).toBeCloseTo(100);
    stage.dispatchEvent(new WheelEvent('wheel', { deltaY: 50, deltaX: 20, bubbles: true, cancelable: true }));
    expect(handle.transform().ty).toBeCloseTo(t.ty - 50);
    expect(handle.transform().tx).toBeCloseTo(t.tx - 20);
    expect(handle.transform().k).toBe(t.k);
  });

  it('pans when the background is dragged', () => {
    const { handle, svg } = mount();
    const bg = svg.querySelector('rect.rm-bg')!;
    pointer(bg, 'pointerdown', 500, 500);
    pointer(bg, 'pointermove', 540, 470);
    pointer(bg, 'pointerup', 540, 470);
    expect(handle.transform()).toEqual({ k: 1, tx: 40, ty: -30 });
  });

  it('opens a card on click and reassigns when a card is dropped on another', () => {
    const { opts, svg } = mount();
    const cleo = cardAt(svg, 'cleo').querySelector('rect')!;
    pointer(cleo, 'pointerdown', 50, 250);
    pointer(cleo, 'pointerup', 50, 250);
    expect(opts.onSelect).toHaveBeenCalledWith('cleo');
    // Drag Cléo (0,224) onto Dan (204,0).
    pointer(cleo, 'pointerdown', 50, 250);
    pointer(svg, 'pointermove', 150, 150);
    expect(svg.querySelector('.rm-ghost')).not.toBeNull();
    pointer(svg, 'pointermove', 260, 30);
    expect(cardAt(svg, 'dan').classList.contains('rm-drop-target')).toBe(true);
    pointer(svg, 'pointerup', 260, 30);
    expect(opts.onReassign).toHaveBeenCalledWith('cleo', 'dan');
    expect(svg.querySelector('.rm-ghost')).toBeNull();
    expect(opts.onSelect).toHaveBeenCalledTimes(1);
  });

  it('does not drag in a read-only snapshot', () => {
    const { opts, svg } = mount({ readonly: true });
    const cleo = cardAt(svg, 'cleo').querySelector('rect')!;
    pointer(cleo, 'pointerdown', 50, 250);
    pointer(svg, 'pointermove', 260, 30);
    pointer(svg, 'pointerup', 260, 30);
    expect(opts.onReassign).not.toHaveBeenCalled();
  });

  it('opens a focused card with Enter', () => {
    const { opts, svg } = mount();
    cardAt(svg, 'ann').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(opts.onSelect).toHaveBeenCalledWith('ann');
  });
});
