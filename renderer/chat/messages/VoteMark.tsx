import { Trophy } from 'lucide-react';

/** After a vote: the letter the answer had while blind, beside its revealed name, and a trophy on the pick. */
export function VoteMark({ letter, winner }: { letter?: string | undefined; winner: boolean }) {
  if (letter === undefined && !winner) return null;
  return (
    <p className="vote-mark">
      {letter !== undefined ? (
        <span className="vote-letter" title={`This was answer ${letter} while the names were hidden`}>
          Answer {letter}
        </span>
      ) : null}
      {winner ? (
        <span className="vote-winner">
          <Trophy size={13} aria-hidden={true} /> Your pick
        </span>
      ) : null}
    </p>
  );
}
