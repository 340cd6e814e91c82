/** Who served (or makes) a model, as a small text badge beside its name. */
export function ProviderBadge({ name, title }: { name: string; title?: string }) {
  return (
    <span className="provider-badge" title={title ?? `Served by ${name}`}>
      {name}
    </span>
  );
}

/** The maker of a model from its id ("anthropic" of "anthropic/claude-sonnet-4.5"), or null without a prefix. */
export function modelMaker(modelId: string): string | null {
  const i = modelId.indexOf('/');
  return i > 0 ? modelId.slice(0, i) : null;
}
