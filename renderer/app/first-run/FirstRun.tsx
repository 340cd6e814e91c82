import { ChooseProvider } from './ChooseProvider';
import { SuggestedRoom } from './SuggestedRoom';
import { skipFirstRun, useFirstRun } from '../../common/first-run-store';
import './first-run.css';

/** A newcomer's way to a first answer: choose where answers come from, then send a suggested room of three. */
export function FirstRun() {
  const upstreamId = useFirstRun((s) => s.upstreamId);
  return (
    <div className="welcome first-run" aria-label="First run">
      <h1>Get a first answer</h1>
      <ol className="first-run-steps" aria-label="Steps">
        <li aria-current={upstreamId ? undefined : 'step'}>Choose where answers come from</li>
        <li aria-current={upstreamId ? 'step' : undefined}>Send a first prompt to three models</li>
      </ol>
      {upstreamId ? <SuggestedRoom upstreamId={upstreamId} /> : <ChooseProvider onChosen={(id) => useFirstRun.setState({ upstreamId: id })} />}
      {upstreamId ? null : (
        <p className="muted">
          <button type="button" className="link" onClick={skipFirstRun}>
            Skip: I’ll add keys in Settings
          </button>
        </p>
      )}
    </div>
  );
}
