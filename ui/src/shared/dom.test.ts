import { describe, expect, it, vi } from 'vitest';
import { $, append, h, replaceChildren } from './dom';

describe('h()', () => {
  it('creates an element with attributes, classes and children', () => {
    const el = h('div', { class: ['card', false, 'wide'], id: 'x', title: 'T' }, 'Hello ', h('b', null, 'world'), 3);
    expect(el.tagName).toBe('DIV');
    expect(el.className).toBe('card wide');
    expect(el.id).toBe('x');
    expect(el.getAttribute('title')).toBe('T');
    expect(el.textContent).toBe('Hello world3');
    expect(el.querySelector('b')?.textContent).toBe('world');
  });

  it('keeps markup and scripts in strings as plain text', () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const el = h('p', { title: evil }, evil);
    expect(el.childNodes).toHaveLength(1);
    expect(el.firstChild?.nodeType).toBe(Node.TEXT_NODE);
    expect(el.textContent).toBe(evil);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('script')).toBeNull();
    expect(el.innerHTML).toBe('&lt;img src=x onerror="alert(1)"&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(el.getAttribute('title')).toBe(evil);
  });

  it('binds event handlers from on* functions', () => {
    const onClick = vi.fn();
    const btn = h('button', { type: 'button', onclick: onClick }, 'Go');
    btn.click();
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(btn.getAttribute('onclick')).toBeNull();
  });

  it('refuses string event-handler attributes and script URLs', () => {
    expect(() => h('div', { onclick: 'alert(1)' })).toThrow();
    expect(() => h('a', { href: 'javascript:alert(1)' })).toThrow();
    expect(() => h('a', { href: ' JaVaScRiPt:alert(1)' })).toThrow();
    expect(h('a', { href: 'https://example.com/' }).getAttribute('href')).toBe('https://example.com/');
  });

  it('sets form state as properties and handles boolean attributes', () => {
    const input = h('input', { value: '<b>x</b>', disabled: true, required: true, hidden: false });
    expect(input.value).toBe('<b>x</b>');
    expect(input.disabled).toBe(true);
    expect(input.hasAttribute('required')).toBe(true);
    expect(input.hasAttribute('hidden')).toBe(false);
    const box = h('input', { type: 'checkbox', checked: true });
    expect(box.checked).toBe(true);
  });

  it('sets dataset and style through the DOM APIs', () => {
    const el = h('span', { dataset: { id: '42' }, style: { color: 'red', 'margin-left': '4px' } });
    expect(el.dataset.id).toBe('42');
    expect(el.getAttribute('data-id')).toBe('42');
    expect(el.style.color).toBe('red');
    expect(el.style.marginLeft).toBe('4px');
  });

  it('skips null/undefined/false children and flattens arrays', () => {
    const el = h('ul', null, [h('li', null, 'a'), null, [h('li', null, 'b'), false]], undefined);
    expect(el.children).toHaveLength(2);
    expect(el.textContent).toBe('ab');
  });
});

describe('append / replaceChildren / $', () => {
  it('replaces children with text nodes', () => {
    const el = h('div', null, h('span', null, 'old'));
    replaceChildren(el, '<i>new</i>');
    expect(el.children).toHaveLength(0);
    expect(el.textContent).toBe('<i>new</i>');
    append(el, h('em', null, '!'));
    expect(el.lastElementChild?.tagName).toBe('EM');
  });

  it('$ finds an element or throws', () => {
    const root = h('div', null, h('p', { class: 'x' }, 'hi'));
    expect($('.x', root).textContent).toBe('hi');
    expect(() => $('.missing', root)).toThrow(/not found/);
  });
});
