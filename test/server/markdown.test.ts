import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MARKDOWN_LIMITS, markdownToRichText, richTextToPlain } from '../../server/content/markdown.ts';
import type { RichBlock, RichInline, RichText } from '../../server/content/rich-text.ts';

const p = (...children: RichInline[]): RichBlock => ({ type: 'paragraph', children });
const t = (text: string): RichInline => ({ type: 'text', text });
const link = (href: string, ...children: RichInline[]): RichInline => ({ type: 'link', href, children });

/** Exactly the keys of each RichText node type: anything else (`html`, `attrs`, `raw`, `tokens`…) is a leak. */
const BLOCK_KEYS: Record<RichBlock['type'], string[]> = {
  paragraph: ['children', 'type'],
  heading: ['children', 'level', 'type'],
  list: ['items', 'ordered', 'type'],
  quote: ['children', 'type'],
  code: ['text', 'type'],
  rule: ['type'],
};
const INLINE_KEYS: Record<RichInline['type'], string[]> = {
  text: ['text', 'type'],
  code: ['text', 'type'],
  break: ['type'],
  strong: ['children', 'type'],
  em: ['children', 'type'],
  del: ['children', 'type'],
  link: ['children', 'href', 'type'],
};
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/;

function assertPlainObject(node: unknown, where: string): asserts node is Record<string, unknown> {
  assert.ok(node !== null && typeof node === 'object' && !Array.isArray(node), `${where}: not an object`);
  assert.equal(Object.getPrototypeOf(node), Object.prototype, `${where}: not a plain object`);
}

function checkKeys(node: Record<string, unknown>, expected: string[] | undefined, where: string): void {
  assert.ok(expected, `${where}: unknown type ${String(node.type)}`);
  const keys = Object.keys(node).sort();
  assert.deepEqual(keys, expected, `${where}: keys ${keys.join(',')}`);
}

function checkInlines(inlines: unknown, depth: number, where: string): void {
  assert.ok(Array.isArray(inlines), `${where}: children not an array`);
  assert.ok(depth <= MARKDOWN_LIMITS.depth, `${where}: inline depth ${depth}`);
  inlines.forEach((node: unknown, i) => {
    const here = `${where}/${i}`;
    assertPlainObject(node, here);
    checkKeys(node, INLINE_KEYS[node.type as RichInline['type']], here);
    if ('text' in node) {
      assert.equal(typeof node.text, 'string', here);
      assert.doesNotMatch(node.text as string, CONTROLS, `${here}: control character`);
    }
    if (node.type === 'text') {
      assert.notEqual(node.text, '', `${here}: empty text`);
      assert.notEqual((inlines[i - 1] as { type?: string } | undefined)?.type, 'text', `${here}: adjacent text nodes`);
    }
    if (node.type === 'link') {
      const href = node.href as string;
      assert.match(href, /^(https:\/\/|mailto:)/, `${here}: href ${href}`);
      assert.doesNotMatch(href, /[\s\p{Cc}\p{Cf}]/u, `${here}: href ${href}`);
      assert.equal(new URL(href).href, href, `${here}: href not normalised`);
    }
    if ('children' in node) checkInlines(node.children, depth + 1, here);
  });
}

function checkBlocks(blocks: unknown, depth: number, where: string, count: { blocks: number }): void {
  assert.ok(Array.isArray(blocks), `${where}: not an array`);
  assert.ok(depth <= MARKDOWN_LIMITS.depth, `${where}: block depth ${depth}`);
  blocks.forEach((node: unknown, i) => {
    const here = `${where}/${i}`;
    count.blocks++;
    assertPlainObject(node, here);
    if (node.type === 'list' && 'start' in node) {
      assert.equal(node.ordered, true, `${here}: start on an unordered list`);
      assert.ok(Number.isSafeInteger(node.start), here);
      checkKeys(node, ['items', 'ordered', 'start', 'type'], here);
    } else {
      checkKeys(node, BLOCK_KEYS[node.type as RichBlock['type']], here);
    }
    switch (node.type) {
      case 'paragraph':
        checkInlines(node.children, 1, here);
        break;
      case 'heading':
        assert.ok([3, 4, 5, 6].includes(node.level as number), here);
        checkInlines(node.children, 1, here);
        break;
      case 'code':
        assert.equal(typeof node.text, 'string', here);
        assert.doesNotMatch(node.text as string, CONTROLS, here);
        break;
      case 'quote':
        checkBlocks(node.children, depth + 1, here, count);
        break;
      case 'list':
        assert.equal(typeof node.ordered, 'boolean', here);
        assert.ok(Array.isArray(node.items), here);
        (node.items as unknown[]).forEach((item, n) => checkBlocks(item, depth + 1, `${here}.${n}`, count));
        break;
    }
  });
}

/** The structural promise of the module, for any input: only RichText nodes, safe hrefs, clean text, bounded. */
function assertSafeTree(tree: RichText, label: string): void {
  const count = { blocks: 0 };
  checkBlocks(tree, 1, label, count);
  assert.ok(count.blocks <= MARKDOWN_LIMITS.blocks, `${label}: ${count.blocks} blocks`);
  const plain = richTextToPlain(tree);
  assert.equal(typeof plain, 'string');
  assert.doesNotMatch(plain, CONTROLS, `${label}: control character in plain text`);
}

function convert(source: string): RichText {
  const tree = markdownToRichText(source);
  assertSafeTree(tree, JSON.stringify(source.slice(0, 60)));
  return tree;
}

test('empty and blank input give an empty tree', () => {
  assert.deepEqual(convert(''), []);
  assert.deepEqual(convert('  \n\n\t\n'), []);
  assert.deepEqual(convert('\u0000\u0001'), []);
});

test('paragraphs and headings (levels 1–6 become 3–6)', () => {
  assert.deepEqual(convert('# One\n\n## Two\n\n#### Four\n\n###### Six\n\nFirst line\nsecond line\n\nNext'), [
    { type: 'heading', level: 3, children: [t('One')] },
    { type: 'heading', level: 4, children: [t('Two')] },
    { type: 'heading', level: 6, children: [t('Four')] },
    { type: 'heading', level: 6, children: [t('Six')] },
    p(t('First line\nsecond line')),
    p(t('Next')),
  ]);
  assert.deepEqual(convert('Title\n====='), [{ type: 'heading', level: 3, children: [t('Title')] }]);
});

test('inline formatting: strong, em, del, code, line breaks', () => {
  assert.deepEqual(convert('a **b** *c* _d_ ~~e~~ `f <g>` h  \ni\\\nj'), [
    p(
      t('a '),
      { type: 'strong', children: [t('b')] },
      t(' '),
      { type: 'em', children: [t('c')] },
      t(' '),
      { type: 'em', children: [t('d')] },
      t(' '),
      { type: 'del', children: [t('e')] },
      t(' '),
      { type: 'code', text: 'f <g>' },
      t(' h'),
      { type: 'break' },
      t('i'),
      { type: 'break' },
      t('j'),
    ),
  ]);
  assert.deepEqual(convert('**bold *and em***'), [p({ type: 'strong', children: [t('bold '), { type: 'em', children: [t('and em')] }] })]);
});

test('lists: unordered, ordered with their start, nested, loose', () => {
  assert.deepEqual(convert('- a\n- b\n  - c\n    1. d'), [
    {
      type: 'list',
      ordered: false,
      items: [
        [p(t('a'))],
        [
          p(t('b')),
          {
            type: 'list',
            ordered: false,
            items: [[p(t('c')), { type: 'list', ordered: true, start: 1, items: [[p(t('d'))]] }]],
          },
        ],
      ],
    },
  ]);
  assert.deepEqual(convert('3. three\n4. four'), [{ type: 'list', ordered: true, start: 3, items: [[p(t('three'))], [p(t('four'))]] }]);
  assert.deepEqual(convert('1) a\n\n   more\n2) b'), [
    { type: 'list', ordered: true, start: 1, items: [[p(t('a')), p(t('more'))], [p(t('b'))]] },
  ]);
  assert.deepEqual(convert('- [ ] to do\n- [x] done'), [{ type: 'list', ordered: false, items: [[p(t('[ ] to do'))], [p(t('[x] done'))]] }]);
});

test('blockquotes, code blocks (language dropped) and rules', () => {
  assert.deepEqual(convert('> quoted *text*\n>\n> > inner'), [
    { type: 'quote', children: [p(t('quoted '), { type: 'em', children: [t('text')] }), { type: 'quote', children: [p(t('inner'))] }] },
  ]);
  assert.deepEqual(convert('```js\nconst a = "<b>&amp;";\n```\n\n    indented\n\n---\n\n***'), [
    { type: 'code', text: 'const a = "<b>&amp;";' },
    { type: 'code', text: 'indented' },
    { type: 'rule' },
    { type: 'rule' },
  ]);
  assert.deepEqual(convert('- '.repeat(30).trim()), [{ type: 'rule' }]);
});

test('links: https and mailto survive, normalised; autolinks, e-mail addresses and reference links too', () => {
  assert.deepEqual(convert('[Site](HTTPS://Example.COM/path?q=1&amp;r=2#top)'), [p(link('https://example.com/path?q=1&r=2#top', t('Site')))]);
  assert.deepEqual(convert('[**Write** to us](mailto:help@example.com)'), [
    p(link('mailto:help@example.com', { type: 'strong', children: [t('Write')] }, t(' to us'))),
  ]);
  assert.deepEqual(convert('<https://example.com/a?b&amp;c> and help@example.com and https://example.com/x, www.example.com'), [
    p(
      link('https://example.com/a?b&amp;c', t('https://example.com/a?b&amp;c')),
      t(' and '),
      link('mailto:help@example.com', t('help@example.com')),
      t(' and '),
      link('https://example.com/x', t('https://example.com/x')),
      t(', '),
      link('https://www.example.com/', t('www.example.com')),
    ),
  ]);
  assert.deepEqual(convert('[docs][1] and [faq]\n\n[1]: https://example.com/docs "Docs"\n[faq]: <https://example.com/faq>'), [
    p(link('https://example.com/docs', t('docs')), t(' and '), link('https://example.com/faq', t('faq'))),
  ]);
  assert.deepEqual(convert('[x](https&#58;//example.com/&#x41;)'), [p(link('https://example.com/A', t('x')))]);
  assert.deepEqual(convert('[](https://example.com)'), [p(link('https://example.com/', t('https://example.com/')))]);
});

test('links to anything else become the plain text of their label', () => {
  for (const source of [
    '[a *b*](http://example.com)',
    '[a *b*](ftp://example.com)',
    '[a *b*](/relative)',
    '[a *b*](relative/path)',
    '[a *b*](#anchor)',
    '[a *b*](//example.com)',
    '[a *b*](<https://example.com/a b>)',
    '[a *b*](https://user:pass@example.com)',
    '[a *b*](tel:+34600000000)',
  ]) {
    assert.deepEqual(convert(source), [p(t('a b'))], source);
  }
});

test('images become a link to the image labelled with its alt text, or just the alt text', () => {
  assert.deepEqual(convert('![A *cat*](https://example.com/cat.png "title")'), [p(link('https://example.com/cat.png', t('A cat')))]);
  assert.deepEqual(convert('![](https://example.com/cat.png)'), [p(link('https://example.com/cat.png', t('https://example.com/cat.png')))]);
  assert.deepEqual(convert('![A cat](http://example.com/cat.png)'), [p(t('A cat'))]);
  assert.deepEqual(convert('[![A cat](https://example.com/cat.png)](https://example.com/)'), [p(link('https://example.com/', t('A cat')))]);
});

test('tables are flattened to a paragraph per row, cells joined with " · "', () => {
  assert.deepEqual(convert('| Item | Price |\n|---|--:|\n| *Tea* | 2 € |\n| Cake | [menu](https://example.com/m) |'), [
    p(t('Item · Price')),
    p({ type: 'em', children: [t('Tea')] }, t(' · 2 €')),
    p(t('Cake · '), link('https://example.com/m', t('menu'))),
  ]);
});

test('raw HTML is never interpreted: its characters are kept as text', () => {
  assert.deepEqual(convert('<script>alert(1)</script>'), [p(t('<script>alert(1)</script>'))]);
  assert.deepEqual(convert('<div class="x">\n*not em*\n</div>'), [p(t('<div class="x">\n*not em*\n</div>'))]);
  assert.deepEqual(convert('Hi <b onclick="x()">there</b> <!-- note -->'), [p(t('Hi <b onclick="x()">there</b> <!-- note -->'))]);
  assert.deepEqual(convert('a <code>&amp;</code> b'), [p(t('a <code>&amp;</code> b'))]);
});

test('entities are decoded in text, not in code or autolinks; escapes are literal; text nodes are merged', () => {
  assert.deepEqual(convert('Tom &amp; Jerry &copy; &eacute; &#65;&#x42; &nbsp;&lt;b&gt; &unknown; &amp'), [
    p(t('Tom & Jerry © é AB \u00a0<b> &unknown; &amp')),
  ]);
  assert.deepEqual(convert('`&amp;` and\n\n```\n&lt;\n```'), [p({ type: 'code', text: '&amp;' }, t(' and')), { type: 'code', text: '&lt;' }]);
  assert.deepEqual(convert('\\*not em\\* \\<b\\> \\&amp; &#38;amp;'), [p(t('*not em* <b> &amp; &amp;'))]);
});

test('control characters are stripped (tab and newline kept); CRLF is a newline', () => {
  assert.deepEqual(convert('a\u0000b\u0007c\u001Fd\u007Fe\tf\r\ng'), [p(t('abcde\tf\ng'))]);
  assert.deepEqual(convert('x &#1;&#x1F;&#0; y'), [p(t('x \uFFFD y'))]);
  assert.deepEqual(convert('```\na\u0000b\u0001\n```'), [{ type: 'code', text: 'ab' }]);
});

test('blocks nested deeper than the limit are flattened to text', () => {
  const tree = convert(`${'> '.repeat(12)}deep *text*`);
  let node: RichBlock | undefined = tree[0];
  let levels = 1;
  while (node?.type === 'quote') {
    node = node.children[0];
    levels++;
  }
  assert.equal(levels, MARKDOWN_LIMITS.depth);
  assert.deepEqual(node, p(t('deep text')));
  const list = convert(Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n'));
  assert.match(richTextToPlain(list), /item 6\n.*item 7 *\n*item 8/s);
  assert.match(richTextToPlain(list), /item 11/);
});

test('thousands of nesting markers keep the first levels as structure (marked alone overflows its stack)', () => {
  for (const [source, type] of [
    [`${'>'.repeat(10_000)} deep`, 'quote'],
    [`${'- '.repeat(9000)}deep`, 'list'],
    [`${'> 1. '.repeat(3000)}deep`, 'quote'],
  ] as const) {
    const tree = convert(source);
    assert.equal(tree[0]?.type, type);
    assert.equal(JSON.stringify(tree).match(/"type":"(quote|list)"/g)?.length, MARKDOWN_LIMITS.depth - 1);
    assert.ok(richTextToPlain(tree).endsWith('deep'));
  }
});

test('inline nesting deeper than the limit is flattened to text', () => {
  const n = 12;
  const source =
    Array.from({ length: n }, (_, i) => `${i % 2 ? '*' : '_'}w${i} `).join('') +
    'core' +
    Array.from({ length: n }, (_, i) => ` v${n - 1 - i}${(n - 1 - i) % 2 ? '*' : '_'}`).join('');
  const tree = convert(source);
  let depth = 0;
  let inlines: RichInline[] = (tree[0] as { children: RichInline[] }).children;
  for (;;) {
    const container = inlines.find((inline) => 'children' in inline);
    if (!container || !('children' in container)) break;
    depth++;
    inlines = container.children;
  }
  assert.equal(depth, MARKDOWN_LIMITS.depth - 1);
  for (let i = 0; i < n; i++) assert.match(richTextToPlain(tree), new RegExp(`w${i} .*v${i}`, 's'));
});

test('past the block limit the rest is kept as the text of one last paragraph', () => {
  const tree = convert(Array.from({ length: 3000 }, (_, i) => `p${i}`).join('\n\n'));
  assert.equal(tree.length, MARKDOWN_LIMITS.blocks);
  assert.deepEqual(tree[MARKDOWN_LIMITS.blocks - 2], p(t(`p${MARKDOWN_LIMITS.blocks - 2}`)));
  const last = tree.at(-1) as { children: { text: string }[] };
  assert.ok(last.children[0]!.text.startsWith(`p${MARKDOWN_LIMITS.blocks - 1}\n\np${MARKDOWN_LIMITS.blocks}\n\n`));
  assert.ok(last.children[0]!.text.endsWith('p2999'));
  const nested = convert(`- a\n${'  - b\n'.repeat(2500)}`);
  assert.match(richTextToPlain(nested), /b$/);
});

test('past the inline limit formatting becomes text', () => {
  const tree = convert('a\\\n'.repeat(5100));
  const children = (tree[0] as { children: RichInline[] }).children;
  assert.equal(children.filter((inline) => inline.type === 'break').length, MARKDOWN_LIMITS.inlines);
  assert.equal((children.at(-1) as { text: string }).text, `${'a\n'.repeat(99)}a\\`);
});

test('long sources are cut; inline runs with too many emphasis delimiters stay literal', () => {
  const long = convert('a'.repeat(MARKDOWN_LIMITS.sourceChars + 5000));
  assert.equal((long[0] as { children: { text: string }[] }).children[0]!.text.length, MARKDOWN_LIMITS.sourceChars);
  const em: RichInline = { type: 'em', children: [t('a')] };
  assert.deepEqual(convert(`${'*a* '.repeat(3)}&amp;`), [p(em, t(' '), em, t(' '), em, t(' &'))]);
  const hostile = `${'*a* '.repeat(MARKDOWN_LIMITS.delimitersPerRun / 2 + 1)}&amp;`;
  assert.deepEqual(convert(hostile), [p(t(hostile.trimEnd()))]);
});

test('hostile shapes finish quickly', () => {
  const shapes = {
    quotes: '>'.repeat(10_000) + ' x',
    lists: '- '.repeat(10_000) + 'x',
    ordered: '1. '.repeat(10_000) + 'x',
    indentedLists: Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'),
    emphasis: `${'*'.repeat(10_000)}a${'*'.repeat(10_000)}`,
    alternating: `${'*a **b '.repeat(2000)}${'c** d*'.repeat(2000)}`,
    underscores: '_a'.repeat(20_000),
    brackets: '['.repeat(50_000),
    links: '[a]('.repeat(20_000),
    lazyQuote: '> - a\nb\n'.repeat(5000),
    tags: '<a '.repeat(20_000),
    table: `|a|b|\n|-|-|\n${'|1|2|\n'.repeat(20_000)}`,
  };
  for (const [name, source] of Object.entries(shapes)) {
    const started = performance.now();
    convert(source);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2000, `${name} took ${Math.round(elapsed)} ms`);
  }
});

/**
 * Hostile inputs, from OWASP's XSS Filter Evasion Cheat Sheet, markdown-it's test/fixtures/markdown-it/xss.txt,
 * marked's XSS issues and DOMPurify's test fixtures, plus markdown-specific shapes (reference links, autolinks,
 * images, nesting, size). Each is checked against the structural promise (`assertSafeTree`); where the second element
 * is given, the plain text of the tree must be exactly that.
 */
const XSS_CORPUS: [string, string?][] = [
  ['[x](javascript:alert(1))', 'x'],
  ['[x](JAVASCRIPT:alert(1))', 'x'],
  ['[x](JaVaScRiPt:alert(1))', 'x'],
  ['[x](&#106;avascript:alert(1))', 'x'],
  ['[x](&#x6A;&#x61;vascript:alert(1))', 'x'],
  ['[x](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1))', 'x'],
  ['[x](java&#x09;script:alert(1))', 'x'],
  ['[x](java&Tab;script:alert(1))', 'x'],
  ['[x](java&NewLine;script:alert(1))', 'x'],
  ['[x](javascript&colon;alert(1))', 'x'],
  ['[x](javascript&#58;alert(1))', 'x'],
  ['[x](<java\tscript:alert(1)>)', 'x'],
  ['[x]( javascript:alert(1))', 'x'],
  ['[x](\u0001javascript:alert(1))', 'x'],
  ['[x](jav\u0000ascript:alert(1))', 'x'],
  ['[x](javascript://%0Aalert(1))', 'x'],
  ['[x](%6Aavascript:alert(1))', 'x'],
  ['[x](&#x26;#74;avascript:alert(1))', 'x'],
  ['[x](\\&#74;avascript:alert(1))', 'x'],
  ['[x](&#34;&#62;&#60;script&#62;alert&#40;&#34;xss&#34;&#41;&#60;/script&#62;)', 'x'],
  ['[x](<javascript:alert(1)>)', 'x'],
  ['[x](javascript:alert(1) "title")', 'x'],
  ['[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', 'x'],
  ['[x](vbscript:msgbox(1))', 'x'],
  ['[x](file:///etc/passwd)', 'x'],
  ['[x](//evil.example)', 'x'],
  ['[x](/relative)', 'x'],
  ['[x](\\\\evil.example\\share)', 'x'],
  ['[x](https://bank.example@evil.example)', 'x'],
  ['[x](https://example.com/\u202Eevil)', 'x'],
  ['[x](https://example.com\u200B.evil.example)', 'x'],
  ['[x](https://example.com/"onmouseover="alert(1))', 'x (https://example.com/%22onmouseover=%22alert(1))'],
  ['[x](mailto:a@example.com?body=<script>)', 'x (mailto:a@example.com?body=%3Cscript%3E)'],
  ['[x][1]\n\n[1]: javascript:alert(1)', 'x'],
  ['[x]\n\n[x]: JaVaScRiPt:alert(1) "title"', 'x'],
  ['[x][1]\n\n[1]: &#106;avascript:alert(1)', 'x'],
  ['[x][1]\n\n[1]: <java\tscript:alert(1)>', 'x'],
  ['<javascript:alert(1)>', 'javascript:alert(1)'],
  ['<javascript&#x3A;alert(1)>', '<javascript:alert(1)>'],
  ['<vbscript:msgbox(1)>', 'vbscript:msgbox(1)'],
  ['<data:text/html,alert(1)>', 'data:text/html,alert(1)'],
  ['javascript:alert(1) and www.evil.example', 'javascript:alert(1) and www.evil.example (https://www.evil.example/)'],
  ['![x](javascript:alert(1))', 'x'],
  ['![x](data:image/png;base64,iVBORw0KGgo=)', 'x'],
  ['![x" onerror="alert(1)](https://example.com/i.png)', 'x" onerror="alert(1) (https://example.com/i.png)'],
  ['[![x](https://example.com/i.png)](javascript:alert(1))', 'x'],
  ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ['<a href="javascript:alert(1)">x</a>', '<a href="javascript:alert(1)">x</a>'],
  ['<a href="&#x6A;avascript:alert(1)">x</a>', '<a href="&#x6A;avascript:alert(1)">x</a>'],
  ['<svg onload=alert(1)>', '<svg onload=alert(1)>'],
  ['<svg/onload=alert(1)>', '<svg/onload=alert(1)>'],
  ['<iframe src="javascript:alert(1)"></iframe>', '<iframe src="javascript:alert(1)"></iframe>'],
  ['<style>body{background:url("javascript:alert(1)")}</style>', '<style>body{background:url("javascript:alert(1)")}</style>'],
  ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ['<scr<script>ipt>alert(1)</script>', '<scr<script>ipt>alert(1)</script>'],
  ['<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">', '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">'],
  ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'],
  ['<details open ontoggle=alert(1)>', '<details open ontoggle=alert(1)>'],
  ['<!--<img src=x onerror=alert(1)>-->', '<!--<img src=x onerror=alert(1)>-->'],
  ['<![CDATA[<script>alert(1)</script>]]>', '<![CDATA[<script>alert(1)</script>]]>'],
  ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
  ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['<form><button formaction=javascript:alert(1)>x</button></form>', '<form><button formaction=javascript:alert(1)>x</button></form>'],
  ['<object data="javascript:alert(1)"></object>', '<object data="javascript:alert(1)"></object>'],
  [
    'Hi <b onclick=alert(1)>there</b> [<img src=x onerror=alert(1)>](https://example.com)',
    'Hi <b onclick=alert(1)>there</b> <img src=x onerror=alert(1)> (https://example.com/)',
  ],
  ['**<svg/onload=alert(1)>**', '<svg/onload=alert(1)>'],
  ['`<script>alert(1)</script>`', '<script>alert(1)</script>'],
  ['```html\n<script>alert(1)</script>\n```', '<script>alert(1)</script>'],
  ['<div>\n\n[x](javascript:alert(1))\n\n</div>', '<div>\n\nx\n\n</div>'],
  ['&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
  ['[\u202Eevil](https://example.com) \u202Egnp.exe', '\u202Eevil (https://example.com/) \u202Egnp.exe'],
  ['a\u0000b\u0000<script>\u0007', 'ab<script>'],
  ['x &#0; &#1; &#x1F; y', 'x \uFFFD   y'],
  ['| <img src=x> | [x](javascript:alert(1)) |\n|---|---|\n| ![y](vbscript:1) | <https://example.com> |', '<img src=x> · x\n\ny · https://example.com'],
  ['> '.repeat(10_000) + '[x](javascript:alert(1))'],
  ['- '.repeat(10_000) + '<script>alert(1)</script>'],
  [Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i % 200)}- [x](javascript:alert(${i}))`).join('\n')],
  [`${'*'.repeat(10_000)}[x](javascript:alert(1))${'*'.repeat(10_000)}`],
  ['[x](javascript:alert(1)) <img src=x onerror=alert(1)> '.repeat(20_000)],
  ['[x](https://example.com/ok) '.repeat(40_000)],
];

test('XSS corpus: only RichText nodes, https/mailto hrefs, hostile HTML as literal text', () => {
  assert.ok(XSS_CORPUS.length >= 40);
  for (const [source, plain] of XSS_CORPUS) {
    const tree = convert(source);
    if (plain !== undefined) assert.equal(richTextToPlain(tree), plain, JSON.stringify(source));
  }
});

test('richTextToPlain: blank lines between blocks, list markers, quotes, links as "text (href)"', () => {
  const tree = convert(
    [
      '# News',
      'We **moved**: see [the map](https://example.com/map) or <https://example.com/>,\nor write to [us](mailto:help@example.com) (help@example.com).',
      '- one\n- two\n  - nested\n  - [x] done',
      '3. three\n4. four\n\n   more of four',
      '> quoted\n> > twice',
      '```\ncode line\n```',
      '---',
      '| a | b |\n|---|---|\n| 1 | 2 |',
    ].join('\n\n'),
  );
  assert.equal(
    richTextToPlain(tree),
    [
      'News',
      'We moved: see the map (https://example.com/map) or https://example.com/,\nor write to us (mailto:help@example.com) (help@example.com).',
      '- one\n- two\n  - nested\n  - [x] done',
      '3. three\n4. four\n   more of four',
      '> quoted\n>\n> > twice',
      'code line',
      '---',
      'a · b',
      '1 · 2',
    ].join('\n\n'),
  );
  assert.equal(richTextToPlain([]), '');
  assert.equal(richTextToPlain([p(t('a'), { type: 'break' }, t('b'))]), 'a\nb');
});
