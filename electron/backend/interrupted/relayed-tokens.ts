import { countTextTokens } from '../../../shared/billing/estimate-tokens';

// The tokens a request has relayed so far, for the generation journal: if Parley dies mid-answer, the ledger
// record made at the next start is priced from them. The relay's path only appends a reference and adds a
// length; the counting and the journal write happen at most once per `everyMs`, on a timer. The text is held
// only until it is counted (never written anywhere), and at most SAMPLE_CHARS of it: a faster stream is counted
// from that sample, scaled by its length in characters, so the cost per flush stays bounded (BPE takes about 1 to 4 µs a character here: a couple of milliseconds).

export const RELAYED_FLUSH_MS = 250;
export const SAMPLE_CHARS = 2_048;

export interface RelayedTokens {
  relayed(text: string): void;
  /** Stops counting (the request finished) and drops what was not counted yet. */
  stop(): void;
}

export function createRelayedTokens(onCount: (completionTokens: number) => void, everyMs = RELAYED_FLUSH_MS): RelayedTokens {
  let sample: string[] = [];
  let sampleChars = 0;
  let pendingChars = 0;
  let total = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function flush(): void {
    timer = undefined;
    if (pendingChars === 0) return;
    const counted = countTextTokens(sample.join(''));
    total += sampleChars === pendingChars ? counted : Math.round((counted * pendingChars) / sampleChars);
    sample = [];
    sampleChars = 0;
    pendingChars = 0;
    onCount(total);
  }

  return {
    relayed(text) {
      if (stopped || !text) return;
      pendingChars += text.length;
      if (sampleChars < SAMPLE_CHARS) {
        sample.push(text);
        sampleChars += text.length;
      }
      if (timer === undefined) {
        timer = setTimeout(flush, everyMs);
        timer.unref?.(); // a pending count never keeps the process alive
      }
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      sample = [];
    },
  };
}
