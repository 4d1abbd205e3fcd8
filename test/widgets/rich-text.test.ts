/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import type { RichText } from '../../widgets/core/process-types.ts';
import { isSafeHref, renderRichText } from '../../widgets/core/rich-text.ts';

const text = (value: string) => ({ type: 'text' as const, text: value });

async function show(tree: RichText, options?: Parameters<typeof renderRichText>[1]) {
  return fixture<HTMLDivElement>(html`<div>${renderRichText(tree, options)}</div>`);
}
/** The element structure, tags only, to compare shapes. */
const shape = (node: Element): string =>
  `${node.tagName.toLowerCase()}(${[...node.children].map(shape).join(',')})`;

describe('renderRichText', () => {
  it('renders every block type to its element', async () => {
    const el = await show([
      { type: 'heading', level: 3, children: [text('Três')] },
      { type: 'heading', level: 4, children: [text('Quatro')] },
      { type: 'heading', level: 5, children: [text('Cinco')] },
      { type: 'heading', level: 6, children: [text('Seis')] },
      { type: 'paragraph', children: [text('Um parágrafo.')] },
      { type: 'list', ordered: false, items: [[{ type: 'paragraph', children: [text('a')] }], [{ type: 'paragraph', children: [text('b')] }]] },
      { type: 'list', ordered: true, start: 3, items: [[{ type: 'paragraph', children: [text('c')] }]] },
      { type: 'list', ordered: true, items: [[{ type: 'paragraph', children: [text('d')] }]] },
      { type: 'quote', children: [{ type: 'paragraph', children: [text('citado')] }] },
      { type: 'code', text: 'const a = 1;\nconst b = 2;' },
      { type: 'rule' },
    ]);
    expect([...el.children].map(shape)).to.deep.equal(['h3()', 'h4()', 'h5()', 'h6()', 'p()', 'ul(li(p()),li(p()))', 'ol(li(p()))', 'ol(li(p()))', 'blockquote(p())', 'pre(code())', 'hr()']);
    expect([...el.querySelectorAll('h3, h4, h5, h6')].map((h) => h.textContent)).to.deep.equal(['Três', 'Quatro', 'Cinco', 'Seis']);
    const [, startsAtThree, startsAtOne] = [...el.querySelectorAll('ul, ol')];
    expect(startsAtThree!.getAttribute('start')).to.equal('3');
    expect(startsAtOne!.hasAttribute('start')).to.equal(false);
    expect(el.querySelector('pre code')!.textContent).to.equal('const a = 1;\nconst b = 2;');
    expect(el.querySelector('blockquote')!.textContent).to.equal('citado');
  });

  it('renders every inline type to its element', async () => {
    const el = await show([
      {
        type: 'paragraph',
        children: [
          text('Leia '),
          { type: 'strong', children: [text('isto'), { type: 'em', children: [text(' agora')] }] },
          { type: 'em', children: [text('ênfase')] },
          { type: 'del', children: [text('riscado')] },
          { type: 'code', text: 'R-0118734' },
          { type: 'break' },
          { type: 'link', href: 'https://www.mjusticia.gob.es/', children: [text('Ministerio')] },
          { type: 'link', href: 'mailto:expedientes@martinscastro.example', children: [text('escríbanos')] },
        ],
      },
    ]);
    expect(shape(el.querySelector('p')!)).to.equal('p(strong(em()),em(),del(),code(),br(),a(),a())');
    expect(el.querySelector('strong')!.textContent).to.equal('isto agora');
    expect(el.querySelector('del')!.textContent).to.equal('riscado');
    expect(el.querySelector('code')!.textContent).to.equal('R-0118734');
    const [web, mail] = [...el.querySelectorAll('a')];
    expect(web!.getAttribute('href')).to.equal('https://www.mjusticia.gob.es/');
    expect(web!.getAttribute('target')).to.equal('_blank');
    expect(web!.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(mail!.getAttribute('href')).to.equal('mailto:expedientes@martinscastro.example');
    expect(mail!.textContent).to.equal('escríbanos');
  });

  it('tells a screen reader a link opens a new tab, when given the words', async () => {
    const el = await show([{ type: 'paragraph', children: [{ type: 'link', href: 'https://example.com/', children: [text('site')] }] }], { newTabLabel: '(opens in a new tab)' });
    expect(el.querySelector('a')!.textContent).to.equal('site (opens in a new tab)');
    expect(el.querySelector('a .visually-hidden')).to.exist;
  });

  it('shows markup in text as text, never as elements', async () => {
    const attack = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">';
    const el = await show([
      { type: 'paragraph', children: [text(attack), { type: 'code', text: '<b>not bold</b>' }] },
      { type: 'heading', level: 3, children: [text('<i>x</i>')] },
      { type: 'code', text: '</code><script>1</script>' },
    ]);
    expect(el.querySelectorAll('script, img, b, i').length).to.equal(0);
    expect(el.querySelector('p')!.textContent).to.equal(`${attack}<b>not bold</b>`);
    expect(el.querySelector('h3')!.textContent).to.equal('<i>x</i>');
    expect(el.querySelector('pre')!.textContent).to.equal('</code><script>1</script>');
    expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
  });

  it('does not render a link whose address is not https or mailto (a forged tree), keeping its words', async () => {
    const forged = ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://example.com/', '//evil.example/', 'vbscript:x'];
    const el = await show([
      { type: 'paragraph', children: forged.map((href, i) => ({ type: 'link' as const, href, children: [text(`link ${i}`)] })) },
      // Not even a string: a tree from somewhere it should not come from.
      { type: 'paragraph', children: [{ type: 'link', href: { toString: () => 'https://x.example' } as unknown as string, children: [text('object')] }] },
    ]);
    expect(el.querySelectorAll('a').length).to.equal(0);
    expect(el.textContent).to.contain('link 0').and.contain('link 6').and.contain('object');
    expect(isSafeHref('https://example.com/')).to.equal(true);
    expect(isSafeHref('MAILTO:a@example.com')).to.equal(true);
  });

  it('leaves out node types it does not know', async () => {
    const forged = [
      { type: 'html', value: '<script>1</script>' },
      { type: 'paragraph', children: [text('kept'), { type: 'image', url: 'https://x.example/a.png' }] },
    ] as unknown as RichText;
    const el = await show(forged);
    expect([...el.children].map(shape)).to.deep.equal(['p()']);
    expect(el.textContent!.trim()).to.equal('kept');
  });
});
