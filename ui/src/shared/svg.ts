// SVG elements built with createElementNS: the twin of dom.ts `h()` for the SVG namespace.
// Text children become Text nodes (never parsed as markup). No `style` attribute (the CSP
// forbids inline styles) and no event-handler or link attributes: style with classes and
// presentation attributes (fill, stroke...).

export const SVG_NS = 'http://www.w3.org/2000/svg';

export type SvgChild = Node | string | number | null | undefined | false | SvgChild[];
export type SvgAttrs = Record<string, string | number | boolean | null | undefined>;

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: SvgAttrs | null,
  ...children: SvgChild[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      const n = key.toLowerCase();
      if (n.startsWith('on') || n === 'style' || n === 'href' || n === 'xlink:href') {
        throw new Error(`svg(): refusing to set attribute "${key}"`);
      }
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  appendSvg(el, children);
  return el;
}

function appendSvg(parent: Node, children: SvgChild[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) appendSvg(parent, child);
    else if (typeof child === 'string' || typeof child === 'number') {
      parent.appendChild(document.createTextNode(String(child)));
    } else parent.appendChild(child);
  }
}

/** A `<title>` child: the tooltip a pointer shows and the name a screen reader reads. */
export function svgTitle(text: string): SVGTitleElement {
  return svg('title', null, text);
}

/** Rounds a coordinate for compact, stable path data. */
export function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}
