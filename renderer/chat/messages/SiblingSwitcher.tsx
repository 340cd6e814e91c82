/** "‹ 2/3 ›" between regenerated answers or edited prompts. */
export function SiblingSwitcher({ ids, current, siblingKey, what, onSelect }: {
  ids: string;
  current: string;
  siblingKey: string;
  what: 'answer' | 'prompt';
  onSelect: (key: string, id: string) => void | Promise<void>;
}) {
  const list = ids ? ids.split(',') : [];
  if (list.length < 2) return null;
  const i = list.indexOf(current);
  return (
    <span className="switcher" role="group" aria-label={`${what === 'answer' ? 'Answer' : 'Prompt'} versions`}>
      <button type="button" className="small" aria-label={`Previous ${what}`} disabled={i <= 0} onClick={() => void onSelect(siblingKey, list[i - 1]!)}>
        ‹
      </button>
      <span className="switcher-pos">
        {i + 1}/{list.length}
      </span>
      <button type="button" className="small" aria-label={`Next ${what}`} disabled={i >= list.length - 1} onClick={() => void onSelect(siblingKey, list[i + 1]!)}>
        ›
      </button>
    </span>
  );
}
