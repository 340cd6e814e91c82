// What an answer's controls are called for screen readers and tooltips. A column answer is named by its column
// ("alpha"); a hidden one (blind mode, not voted on yet) only by its letter, so no accessible name carries the
// model; a fused answer is named as such.

export interface AnswerNames {
  /** the article */
  article: string;
  /** "Waiting for …" while nothing arrived yet */
  waitingFor: string;
  toolbar: string;
  stop: string;
  copy: string;
  regenerate: (failed: boolean) => string;
  retryWith: string;
  continueWith: string;
  delete: string;
}

export type AnswerIdentity = { kind: 'column'; label: string } | { kind: 'hidden'; letter: string } | { kind: 'fused' };

export function answerNames(who: AnswerIdentity): AnswerNames {
  if (who.kind === 'hidden') {
    const a = `answer ${who.letter}`;
    return {
      article: `Answer ${who.letter}`,
      waitingFor: a,
      toolbar: `Actions for ${a}`,
      stop: `Stop ${a}`,
      copy: `Copy ${a}`,
      regenerate: (failed) => `${failed ? 'Retry' : 'Regenerate'} ${a}`,
      retryWith: `Retry ${a} with another model`,
      continueWith: `Continue with ${a}`,
      delete: `Delete ${a}`,
    };
  }
  if (who.kind === 'fused') {
    return {
      article: 'Fused answer',
      waitingFor: 'the fused answer',
      toolbar: 'Actions for the fused answer',
      stop: 'Stop the fused answer',
      copy: 'Copy the fused answer',
      regenerate: (failed) => (failed ? 'Retry fusing' : 'Fuse again'),
      retryWith: 'Fuse with another model',
      continueWith: 'Continue with the fused answer',
      delete: 'Delete the fused answer',
    };
  }
  const l = who.label;
  return {
    article: `Answer from ${l}`,
    waitingFor: l,
    toolbar: `Actions for the answer from ${l}`,
    stop: `Stop ${l}`,
    copy: `Copy answer from ${l}`,
    regenerate: (failed) => `${failed ? 'Retry' : 'Regenerate'} ${l}`,
    retryWith: `Retry ${l} with another model`,
    continueWith: `Continue with this answer from ${l}`,
    delete: `Delete answer from ${l}`,
  };
}
