import { Money } from '../Money';
import { ModelId } from '../ModelId';
import type { ActivityGroup, GroupBy } from './aggregate';
import { fmtInt } from './activity-text';

const HEADINGS: Record<GroupBy, string> = { day: 'Day', model: 'Model', provider: 'Provider', key: 'Key', conversation: 'Conversation' };

export function GroupTable({ groups, by, label }: { groups: ActivityGroup[]; by: GroupBy; label: (key: string) => string }) {
  return (
    <table className="activity-table" aria-label={`By ${HEADINGS[by].toLowerCase()}`}>
      <thead>
        <tr>
          <th scope="col">{HEADINGS[by]}</th>
          <th scope="col">Requests</th>
          <th scope="col">Tokens in</th>
          <th scope="col">Tokens out</th>
          <th scope="col">Spend</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key} className={g.totals.mismatches ? 'mismatch' : undefined}>
            <th scope="row">{by === 'model' ? <ModelId id={label(g.key)} /> : label(g.key)}</th>
            <td>{fmtInt(g.totals.requests)}</td>
            <td>{fmtInt(g.totals.tokensIn)}</td>
            <td>{fmtInt(g.totals.tokensOut)}</td>
            <td>
              <Money micros={g.totals.costMicros} />
              {g.totals.unpriced ? <span className="muted"> (+{fmtInt(g.totals.unpriced)} unpriced)</span> : null}
              {g.totals.mismatches ? <span className="flag" title="OpenRouter billed a different amount for some requests"> ⚠ {fmtInt(g.totals.mismatches)}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
