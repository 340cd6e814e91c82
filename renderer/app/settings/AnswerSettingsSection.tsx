import { useState } from 'react';
import { bridge } from '../../bridge';
import { useRouteValue } from '../../bridge/use-route-value';

const CHOICES = [
  { seconds: 30, label: '30 seconds' },
  { seconds: 60, label: '1 minute' },
  { seconds: 120, label: '2 minutes' },
  { seconds: 300, label: '5 minutes' },
  { seconds: 900, label: '15 minutes' },
];

/** Settings → Answers: how long a provider may go silent in the middle of an answer before Parley ends it (the text
 * so far is kept, with an error saying so). */
export function AnswerSettingsSection() {
  const { value: settings } = useRouteValue('settings.get', {}, 'settings.changed');
  const [problem, setProblem] = useState<string | null>(null);
  const current = settings?.streamIdleTimeoutSeconds ?? 60;
  const choices = CHOICES.some((c) => c.seconds === current) ? CHOICES : [...CHOICES, { seconds: current, label: `${current} seconds` }];
  return (
    <section aria-labelledby="answers-heading">
      <h2 id="answers-heading">Answers</h2>
      <label>
        End an answer when its provider sends nothing for{' '}
        <select
          aria-label="Silence before an answer is ended"
          value={current}
          onChange={(e) => {
            setProblem(null);
            bridge()
              .invoke('settings.update', { streamIdleTimeoutSeconds: Number(e.target.value) })
              .catch((err: Error) => setProblem(err.message));
          }}
        >
          {choices.map((c) => (
            <option key={c.seconds} value={c.seconds}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">What was already said is kept, with a note that the provider stopped sending.</p>
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
