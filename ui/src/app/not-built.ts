// Plan areas that have not been built yet say so plainly, with the real counts the plan holds.
import type { PlanView } from '../ipc/bindings/PlanView';
import { h } from '../shared/dom';
import type { FeatureView } from './context';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Facts from the view that cost nothing to show. */
export function notBuiltFacts(area: string, view: PlanView): string[] {
  switch (area) {
    case 'relationship-map':
      return [
        `The plan holds ${plural(view.contacts.length, 'contact')} and ${plural(view.lines.length, 'influence or conflict line')}.`,
        `The core found ${plural(view.coverage_gaps.length, 'coverage gap')}.`,
      ];
    case 'osas':
      return [`The plan holds ${plural(view.objectives.length, 'objective')}.`];
    case 'white-space':
      return [
        `The matrix crosses ${plural(view.white_space.rows.length, 'buying center')} with ${plural(view.white_space.columns.length, 'offering')}; ${plural(view.plays.length, 'play is', 'plays are')} ranked.`,
      ];
    case 'campaigns':
      return [`The plan holds ${plural(view.campaigns.length, 'campaign')}.`];
    default:
      return [];
  }
}

export function notBuiltView(area: string, label: string): FeatureView {
  return (root, ctx) => {
    root.append(
      h(
        'section',
        { class: 'card not-built' },
        h('p', null, `${label} is not built yet. It arrives with its own release; nothing here is placeholder data.`),
        ...notBuiltFacts(area, ctx.view).map((f) => h('p', { class: 'muted' }, f)),
      ),
    );
  };
}
