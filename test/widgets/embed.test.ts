/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { define } from '../../widgets/core/define.ts';

// The loader reads its configuration from its own script tag; here the page points it at a server that is not
// there, so the widget ends in its network-error state, which is enough to see it was defined and provided.
const tag = document.createElement('script');
tag.type = 'text/plain';
tag.dataset.tenant = 'clinica-sol';
tag.dataset.api = 'http://127.0.0.1:9/';
tag.dataset.locale = 'en';
document.head.append(tag);

describe('embed.js loader', () => {
  it('defines nothing until a portal tag appears', async () => {
    await import('../../widgets/embed.ts');
    expect(customElements.get('portal-brand')).to.equal(undefined);
  });

  it('loads a widget when its tag is added to the page later, and provides the runtime to it', async () => {
    const brand = document.createElement('portal-brand');
    document.body.append(brand);
    await customElements.whenDefined('portal-brand');
    await waitFor(() => brand.shadowRoot?.querySelector('[part=error]'));
    expect(brand.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('could not reach the portal');
  });

  it('a second copy of the loader on the page does not throw or start a second runtime', async () => {
    await import(/* @vite-ignore */ `../../widgets/embed.ts?copy=${Date.now()}`);
    const runtimes = Object.getOwnPropertySymbols(globalThis).filter((key) => key.description?.startsWith('portico.'));
    expect(runtimes.map((key) => key.description).sort()).to.deep.equal(['portico.loader', 'portico.runtime.instance']);
  });

  it('defining a tag twice is harmless', () => {
    expect(() => define('portal-brand', class extends HTMLElement {})).not.to.throw();
  });
});

async function waitFor<T>(probe: () => T | null | undefined, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
