import type { AuthOutcome } from './auth';

// Apps call the local API with the same few tokens over and over; hashing each one again (SHA-256, then a map
// lookup by hash) is most of what authentication costs per request. This remembers the outcome for tokens that
// were accepted — never for refused ones, so a caller guessing tokens cannot fill it — until the keys change
// (`clear`). A refused or unknown token always takes the full path.

const MAX_TOKENS = 64;

export interface AuthCache {
  authenticate(token: string): AuthOutcome;
  /** Forget every remembered token: call whenever a key is created, changed, disabled or deleted. */
  clear(): void;
}

export function cachedAuth(authenticate: (token: string) => AuthOutcome, max = MAX_TOKENS): AuthCache {
  const accepted = new Map<string, AuthOutcome>();
  return {
    authenticate(token) {
      const known = accepted.get(token);
      if (known) return known;
      const outcome = authenticate(token);
      if (outcome.ok) {
        if (accepted.size >= max) accepted.clear();
        accepted.set(token, outcome);
      }
      return outcome;
    },
    clear: () => accepted.clear(),
  };
}
