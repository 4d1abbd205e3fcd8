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

// Count the loader's calls for the tenant, to see that a second loader adds none.
let tenantRequests = 0;
const realFetch = window.fetch.bind(window);
window.fetch = (input, init) => {
  if (String(input instanceof Request ? input.url : input).includes('/api/portal/tenants/')) tenantRequests++;
  return realFetch(input, init);
};

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

  it('a second copy of the loader on the page does not throw, load the tenant again or redefine anything', async () => {
    expect(tenantRequests).to.equal(1);
    const define = customElements.define.bind(customElements);
    let definitions = 0;
    customElements.define = (...args: Parameters<CustomElementRegistry['define']>) => {
      definitions++;
      define(...args);
    };
    try {
      await import(/* @vite-ignore */ `../../widgets/embed.ts?copy=${Date.now()}`);
      document.body.append(document.createElement('portal-brand'));
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      customElements.define = define;
    }
    expect(tenantRequests).to.equal(1);
    expect(definitions).to.equal(0);
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
