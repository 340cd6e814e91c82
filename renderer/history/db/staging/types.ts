import type { GenerationRow, MessageRow } from '../types';

// A bulk import lands in compact packs first (one IndexedDB record per few hundred messages instead of one per
// message, which is what makes a 100k-message import fast), then packs are expanded into ordinary rows in the
// background, or at once when something reads that conversation. Until then a pack is the authoritative copy.

export interface ImportPack {
  id: string;
  /** JSON of PackContent: a string clones into IndexedDB far faster than thousands of small objects */
  data: string;
}

export interface PackContent {
  messages: MessageRow[];
  generations: GenerationRow[];
}

export function packContent(pack: ImportPack): PackContent {
  return JSON.parse(pack.data) as PackContent;
}

/** Small row describing a pack without loading its data. */
export interface ImportPackIndexRow {
  id: string;
  conversationId: string;
  dnMin: number; // search document numbers covered (dnMin..dnMax), for search hits not yet expanded
  dnMax: number;
  messageIds: string[];
  generationIds: string[];
  createdAt: number;
}
