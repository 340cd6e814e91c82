import { dirname, relative, resolve, sep } from 'node:path';

// The renderer's layers, keyed on folder names (docs/architecture.md, "The renderer's layers"): a file may import
// its own area and the areas listed for it, nothing else in renderer/. An area is a folder of renderer/, or a
// deeper folder named in `layers` (history/db is storage, below the rest of history/). Areas not listed (app/,
// renderer/'s own files) are the top: they may import anything. Imports from outside renderer/ (shared/, packages)
// are other rules' business.

function areaOf(file, root, areas) {
  const rel = relative(root, file).split(sep).join('/');
  if (rel.startsWith('..')) return undefined;
  const nested = areas.filter((a) => a.includes('/')).find((a) => rel === a || rel.startsWith(`${a}/`));
  if (nested) return nested;
  const top = rel.split('/')[0];
  return rel.includes('/') || !/\.[cm]?[jt]sx?$/.test(rel) ? top : '(root)';
}

/** @type {import('eslint').Rule.RuleModule} */
export const rendererLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'Renderer areas import only the layers below them' },
    schema: [{
      type: 'object',
      properties: {
        root: { type: 'string' },
        layers: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
      },
      required: ['root', 'layers'],
      additionalProperties: false,
    }],
    messages: {
      crossing: '{{from}} may not import {{to}} ({{spec}}): {{from}} may import {{allowed}}. Move what both need to a lower layer (renderer/common/, history/db/) or talk through an event.',
    },
  },
  create(context) {
    const { root: rootOption, layers } = context.options[0];
    const root = resolve(context.cwd, rootOption);
    const areas = Object.keys(layers);
    const file = context.filename;
    const from = areaOf(file, root, areas);
    if (from === undefined || !(from in layers)) return {};
    const allowed = new Set([from, ...layers[from]]);
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = areaOf(resolve(dirname(file), source.value), root, areas);
      if (to === undefined || allowed.has(to)) return;
      context.report({ node, messageId: 'crossing', data: { from, to, spec: source.value, allowed: layers[from].join(', ') || 'nothing else in renderer/' } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { rules: { 'renderer-layers': rendererLayers } };
