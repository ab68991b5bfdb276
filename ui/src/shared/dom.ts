// Tiny DOM builder. User text only ever becomes Text nodes: nothing here touches
// innerHTML / outerHTML / insertAdjacentHTML.

export type Child = Node | string | number | null | undefined | false | Child[];

type EventHandler = (event: Event) => void;

export interface Attrs {
  /** Space separated class names, or a list (falsy entries skipped). */
  class?: string | Array<string | false | null | undefined>;
  /** Inline style properties are set through CSSOM (allowed by a strict style-src). */
  style?: Partial<Record<string, string>>;
  /** data-* attributes, keys without the `data-` prefix. */
  dataset?: Record<string, string>;
  [name: string]: unknown;
}

/** Properties set as DOM properties rather than attributes (so state stays live). */
const PROPS = new Set(['value', 'checked', 'selected', 'disabled', 'indeterminate']);

/** Attribute names that would let a string become code or a navigation to a script. */
function isDangerousAttr(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('on') || n === 'srcdoc' || n === 'innerhtml' || n === 'outerhtml';
}

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

function isSafeUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  const v = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return !(v.startsWith('javascript:') || v.startsWith('vbscript:') || v.startsWith('data:text/html'));
}

/**
 * Creates an element.
 *
 *   h('button', { class: 'primary', onclick: save, type: 'button' }, 'Save')
 *
 * - `on*` keys taking a function become event listeners (`onclick` -> 'click').
 * - `class`, `style`, `dataset` are handled specially; `value`/`checked`/... are set as properties.
 * - `true` sets a boolean attribute, `false`/`null`/`undefined` omit it.
 * - string children become Text nodes (never parsed as markup); arrays are flattened.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Attrs | null, ...children: Child[]): HTMLElement;
export function h(tag: string, attrs?: Attrs | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (attrs) setAttrs(el, attrs);
  append(el, ...children);
  return el;
}

export function setAttrs(el: HTMLElement, attrs: Attrs): void {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) {
      if (PROPS.has(key) && key !== 'value') (el as unknown as Record<string, unknown>)[key] = false;
      continue;
    }
    if (key === 'class') {
      const cls = Array.isArray(value) ? value.filter(Boolean).join(' ') : String(value);
      if (cls) el.className = cls;
    } else if (key === 'style') {
      for (const [prop, v] of Object.entries(value as Record<string, string | undefined>)) {
        if (v === undefined) continue;
        if (prop.includes('-')) el.style.setProperty(prop, v);
        else (el.style as unknown as Record<string, string>)[prop] = v;
      }
    } else if (key === 'dataset') {
      for (const [k, v] of Object.entries(value as Record<string, string>)) el.dataset[k] = v;
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value as EventHandler);
    } else if (isDangerousAttr(key)) {
      throw new Error(`h(): refusing to set attribute "${key}"`);
    } else if (PROPS.has(key)) {
      (el as unknown as Record<string, unknown>)[key] = key === 'value' ? String(value) : Boolean(value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      const str = String(value);
      if (URL_ATTRS.has(key.toLowerCase()) && !isSafeUrl(str)) {
        throw new Error(`h(): refusing unsafe URL in "${key}"`);
      }
      el.setAttribute(key, str);
    }
  }
}

/** Appends children; strings and numbers become Text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      append(parent, ...child);
    } else if (typeof child === 'string' || typeof child === 'number') {
      parent.appendChild(document.createTextNode(String(child)));
    } else {
      parent.appendChild(child);
    }
  }
}

/** Removes all children of `el`, then appends the new ones. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  append(el, ...children);
}

/** `document.querySelector` that throws when the element is missing. */
export function $<E extends Element = HTMLElement>(selector: string, root: ParentNode = document): E {
  const el = root.querySelector<E>(selector);
  if (!el) throw new Error(`element not found: ${selector}`);
  return el;
}
