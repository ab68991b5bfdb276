// Export: the full plan or the one-page summary as PDF. The back end asks where to save (native
// dialog; the page never names a path), draws the PDF and reports pages, size and any warnings
// (e.g. a missing CJK font).
import { api } from '../../ipc/api';
import type { ExportRequest } from '../../ipc/bindings/ExportRequest';
import type { ExportResult } from '../../ipc/bindings/ExportResult';
import { toAppError } from '../../ipc/index';
import type { FeatureView } from '../../app/context';
import { h, replaceChildren } from '../../shared/dom';
import { uid } from '../../shared/forms';
import './export.css';

export const SECTIONS: ReadonlyArray<readonly [string, string]> = [
  ['executive_summary', 'Executive summary'],
  ['since_last_qbr', 'Since last QBR'],
  ['overview', 'Account overview'],
  ['buying_centers', 'Buying centers'],
  ['relationship_map', 'Relationship map'],
  ['white_space', 'White space and plays'],
  ['osas', 'OSAs'],
  ['campaigns', 'Campaigns'],
  ['opportunities', 'Opportunities'],
  ['competitors', 'Competitors'],
  ['completeness', 'Completeness'],
];

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function radioGroup<T extends string>(legend: string, name: string, choices: ReadonlyArray<readonly [T, string]>, value: T, onChange: () => void) {
  const inputs = choices.map(([v]) => h('input', { type: 'radio', name, value: v, checked: v === value, id: uid(name), onchange: onChange }));
  const el = h(
    'fieldset',
    { class: 'choice-group' },
    h('legend', null, legend),
    choices.map(([, label], i) => h('label', { class: 'choice', for: inputs[i]!.id }, inputs[i]!, label)),
  );
  // The choice's own value (typed), not the input's text, so the request carries only known options.
  return { el, value: (): T => choices[inputs.findIndex((i) => i.checked)]?.[0] ?? value };
}

export const exportView: FeatureView = (root, ctx) => {
  const planId = ctx.view.plan.id;
  // A closed plan is read-only but is exactly what gets printed; only a snapshot cannot be.
  const cannotExport = ctx.readonly && ctx.readonlyReason !== 'closed';
  const name = `doc-${uid('x')}`;
  const doc = radioGroup<ExportRequest['document']>('Document', name, [['full', 'Full plan'], ['summary', 'One-page summary']], 'full', () => syncSections());
  const paper = radioGroup<ExportRequest['paper']>('Paper', `paper-${name}`, [['a4', 'A4'], ['letter', 'US Letter']], 'a4', () => undefined);

  const sectionBoxes = SECTIONS.map(([key, label]) => {
    const box = h('input', { type: 'checkbox', value: key, checked: true, id: uid('sec') });
    return { key, box, el: h('label', { class: 'choice', for: box.id }, box, label) };
  });
  const sectionsNote = h('p', { class: 'muted small' });
  const sections = h('fieldset', { class: 'choice-group sections' }, h('legend', null, 'Sections'), h('div', { class: 'section-grid' }, sectionBoxes.map((s) => s.el)), sectionsNote);

  function syncSections(): void {
    const summary = doc.value() === 'summary';
    for (const s of sectionBoxes) s.box.disabled = summary;
    replaceChildren(sectionsNote, summary ? 'The one-page summary always has the same content; sections apply to the full plan.' : '');
  }

  const openAfter = h('input', { type: 'checkbox', id: uid('open'), checked: true });
  const result = h('div', { class: 'export-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Export PDF\u2026');

  function showResult(r: ExportResult): void {
    if (!r.path) {
      replaceChildren(result, h('div', { class: 'banner info' }, 'Export cancelled: nothing was saved.'));
      return;
    }
    replaceChildren(
      result,
      h(
        'div',
        { class: 'banner success result-box', role: 'status' },
        h('strong', null, 'PDF saved'),
        h(
          'dl',
          null,
          h('dt', null, 'File'),
          h('dd', { class: 'mono path' }, r.path),
          h('dt', null, 'Pages'),
          h('dd', null, String(r.pages)),
          h('dt', null, 'Size'),
          h('dd', null, formatBytes(r.bytes)),
        ),
      ),
      r.warnings.length
        ? h(
            'div',
            { class: 'banner warning result-warnings', role: 'alert' },
            h('strong', null, r.warnings.length === 1 ? 'Warning' : `${r.warnings.length} warnings`),
            h('ul', null, r.warnings.map((w) => h('li', null, w))),
          )
        : null,
    );
  }

  const form = h(
    'form',
    {
      class: 'card export-form',
      'aria-label': 'Export the plan as PDF',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const request: ExportRequest = {
          plan_id: planId,
          document: doc.value(),
          paper: paper.value(),
          sections: doc.value() === 'summary' ? [] : sectionBoxes.filter((s) => s.box.checked).map((s) => s.key),
          open_after: openAfter.checked,
        };
        if (request.document === 'full' && request.sections.length === 0) {
          replaceChildren(result, h('div', { class: 'banner error', role: 'alert' }, 'Choose at least one section.'));
          return;
        }
        button.disabled = true;
        replaceChildren(result, h('p', { class: 'muted', role: 'status' }, 'Choose where to save the PDF\u2026'));
        try {
          showResult(await api.exportPdf(request));
        } catch (err) {
          replaceChildren(result, h('div', { class: 'banner error', role: 'alert' }, `Not exported: ${toAppError(err).message}`));
        } finally {
          button.disabled = cannotExport;
        }
      },
    },
    cannotExport
      ? h('div', { class: 'banner info' }, 'A PDF is made from the live plan. Open the live plan to export it.')
      : null,
    h('div', { class: 'export-choices' }, doc.el, paper.el),
    sections,
    h('label', { class: 'choice', for: openAfter.id }, openAfter, 'Open after saving'),
    h('div', { class: 'form-actions' }, button),
  );
  button.disabled = cannotExport;
  syncSections();
  root.append(form, result);
};
