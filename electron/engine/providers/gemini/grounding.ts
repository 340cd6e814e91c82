import type { UrlCitation, UrlCitationAnnotation } from '../../../../shared/openrouter/annotations';
import { arr, num, obj, str, type Obj } from '../common/values';
import { urlCitation, utf16IndexOfByte } from '../common/web-search';

// Google Search grounding (`candidates[0].groundingMetadata`, docs/provider-wire-formats.md §8) → url_citation
// annotations. `groundingChunks[i].web` names a source; each `groundingSupports` entry cites chunks for one
// segment of the answer, whose start and end are UTF-8 byte offsets. A source no segment cites is listed
// without indices. `webSearchQueries` are the searches Google ran, each billed.

export function searchQueries(grounding: Obj): number | undefined {
  const queries = arr(grounding.webSearchQueries);
  return queries && queries.length > 0 ? queries.length : undefined;
}

export function groundingAnnotations(grounding: Obj, text: string): UrlCitationAnnotation[] {
  const sources: (UrlCitation | undefined)[] = (arr(grounding.groundingChunks) ?? []).map((c) => {
    const web = obj(obj(c)?.web);
    const url = str(web?.uri);
    if (!url) return undefined;
    const title = str(web?.title);
    return title ? { url, title } : { url };
  });
  const out: UrlCitationAnnotation[] = [];
  const cited = new Set<number>();
  for (const s of arr(grounding.groundingSupports) ?? []) {
    const support = obj(s);
    const segment = obj(support?.segment);
    const end = num(segment?.endIndex);
    if (!support || end === undefined) continue;
    const start = num(segment?.startIndex) ?? 0;
    const from = utf16IndexOfByte(text, start);
    const to = utf16IndexOfByte(text, end);
    for (const i of arr(support.groundingChunkIndices) ?? []) {
      const source = typeof i === 'number' ? sources[i] : undefined;
      if (!source) continue;
      cited.add(i as number);
      const content = str(segment?.text);
      out.push(urlCitation({ ...source, ...(content ? { content } : {}), start_index: from, end_index: to }));
    }
  }
  sources.forEach((source, i) => {
    if (source && !cited.has(i)) out.push(urlCitation(source));
  });
  return out;
}
