import { useEffect, useState } from 'react';
import { getTitleModel, setTitleModel, SUGGESTED_TITLE_MODEL } from './title-model';

/** Settings → Answers: the model that writes conversation titles, or none (titles are the first prompt's words). */
export function TitleModelSetting() {
  const [saved, setSaved] = useState<string | null | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void getTitleModel().then((m) => {
      if (!live) return;
      setSaved(m);
      setDraft(m ?? '');
    });
    return () => {
      live = false;
    };
  }, []);
  const save = (model: string | null) => {
    setProblem(null);
    setTitleModel(model).then(
      () => {
        setSaved(model?.trim() || null);
        setDraft(model?.trim() ?? '');
      },
      (err: Error) => setProblem(err.message),
    );
  };
  return (
    <section aria-labelledby="titles-heading">
      <h2 id="titles-heading">Titles</h2>
      <p className="muted">
        {saved ? `${saved} writes a short title after a conversation’s first answer. It sees only your prompt, and its cost shows in Activity as “title”.` : 'Titles are your first prompt’s words. Pick a model to have it write them.'}
      </p>
      <form
        className="title-model-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) save(draft);
        }}
      >
        <input aria-label="Title model" value={draft} placeholder={`e.g. ${SUGGESTED_TITLE_MODEL} (cheap)`} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" disabled={!draft.trim() || draft.trim() === saved}>
          Use for titles
        </button>
        {saved ? (
          <button type="button" onClick={() => save(null)}>
            Turn off
          </button>
        ) : null}
      </form>
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
