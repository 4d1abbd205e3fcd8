/**
 * Custom Elements Manifest (https://custom-elements-manifest.open-wc.org/) for Portico's widgets, from their JSDoc:
 * `npm run analyze` writes `dist/custom-elements.json`, which ships in the package and feeds Storybook's docs pages.
 *
 * Widgets register through `define(tag, Class)` (widgets/core/define.ts, safe when two loaders meet on one page)
 * rather than `customElements.define`, so a small plugin below teaches the analyzer that call. Every source file
 * under `widgets/` is read (so inherited members of base classes such as `AdminSection` resolve), but only modules
 * that declare an element are kept in the output.
 */

/** `define('portal-billing', PortalBilling)` → a custom-element definition, as `customElements.define` gives. */
function portalDefinePlugin() {
  return {
    name: 'portico-define-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, element] = node.arguments;
      if (!tag || !element || !ts.isStringLiteral(tag) || !ts.isIdentifier(element)) return;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: element.text, module: moduleDoc.path } },
      ];
    },
  };
}

/**
 * The documented API only: reactive properties (`@property`) and public members with a doc comment. `@state`
 * fields and the undocumented methods the section controllers call back (`token()`, `money()` …) are internals.
 */
function publicApiOnlyPlugin() {
  const reactive = new Set();
  const decorated = (ts, member, name) =>
    ts.canHaveDecorators(member) &&
    (ts.getDecorators(member) ?? []).some((d) => ts.isCallExpression(d.expression) && ts.isIdentifier(d.expression.expression) && d.expression.expression.text === name);
  return {
    name: 'portico-public-api-only',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        if (member.name && decorated(ts, member, 'property')) reactive.add(`${moduleDoc.path}#${node.name.text}.${member.name.getText()}`);
      }
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        if (declaration.kind !== 'class' || !declaration.members) continue;
        declaration.members = declaration.members.filter(
          (member) =>
            reactive.has(`${moduleDoc.path}#${declaration.name}.${member.name}`) ||
            (member.description && !member.static && (member.privacy ?? 'public') === 'public'),
        );
      }
    },
  };
}

/**
 * Events the analyzer read from `dispatchEvent(new CustomEvent(name, …))` with a computed name come out nameless or
 * named after the variable; the element's `@event` tags already document them, so those guesses are dropped. Any
 * other undocumented event stays, and is reported so someone adds its `@event` tag.
 */
function computedEventNamesPlugin() {
  const computed = new Set();
  return {
    name: 'portico-computed-event-names',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression) || !/^(Custom)?Event$/.test(node.expression.text)) return;
      const [name] = node.arguments ?? [];
      if (name && ts.isIdentifier(name)) computed.add(`${moduleDoc.path}#${name.text}`);
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        if (declaration.kind !== 'class' || !declaration.events) continue;
        declaration.events = declaration.events.filter((event) => event.description || (event.name && !computed.has(`${moduleDoc.path}#${event.name}`)));
        for (const event of declaration.events) {
          if (!event.description) console.warn(`custom-elements.json: ${declaration.name} fires "${event.name}" without an @event tag (${moduleDoc.path})`);
        }
      }
    },
  };
}

/** Keeps only modules that declare or define an element; helpers and base classes were only read for inheritance. */
function elementModulesOnlyPlugin() {
  return {
    name: 'portico-element-modules-only',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules = customElementsManifest.modules
        .filter((module) => module.declarations?.some((declaration) => declaration.customElement && declaration.tagName))
        .map((module) => ({
          ...module,
          // The element classes and their definitions: not every helper function a module happens to export.
          declarations: module.declarations.filter((declaration) => declaration.customElement && declaration.tagName),
          exports: module.exports?.filter((entry) => entry.kind === 'custom-element-definition' || module.declarations.some((d) => d.customElement && d.tagName && d.name === entry.declaration?.name)),
        }))
        .sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

export default {
  globs: ['widgets/**/*.ts'],
  exclude: ['widgets/**/*.styles.ts', 'widgets/**/*fixture*.ts', 'widgets/**/messages*.ts', 'widgets/**/*.test.ts', 'widgets/embed.ts', 'widgets/registry.ts'],
  // Beside the widget bundle (dist/public): a build output, like it (package.json's `customElements` points here).
  outdir: 'dist',
  litelement: true,
  // The lead keeps package.json's `customElements` field by hand; the analyzer must not rewrite package.json.
  packagejson: false,
  plugins: [portalDefinePlugin(), publicApiOnlyPlugin(), computedEventNamesPlugin(), elementModulesOnlyPlugin()],
};
