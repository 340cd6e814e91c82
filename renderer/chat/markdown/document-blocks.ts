import { splitBlocks } from './split-blocks';

// A finished answer is one markdown document, except a long one: parsed whole, 1 MB of paragraphs blocks the
// window for over a second (when it finishes streaming and each time it is opened). A long answer is rendered
// block by block instead, as it was while it streamed: the blocks parsed then are reused, and React can yield
// between blocks. Reference links and footnotes need the whole document, so text defining any stays whole.

/** Characters from which a finished answer is rendered block by block. Typical answers stay one document. */
export const SPLIT_FROM = 8000;

const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;

/** The blocks to render a finished answer as, or null to render it as one document. */
export function documentBlocks(text: string): string[] | null {
  if (text.length < SPLIT_FROM || DEFINITION.test(text)) return null;
  return splitBlocks(text);
}
