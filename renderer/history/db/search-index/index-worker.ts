// Worker: parses an import file and builds its search index off the main thread (see bulk-index-job.ts).
import { buildBulkIndex, docsOfExport } from './bulk-build';

interface Job {
  text: string;
  firstDn: number;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<Job>) => void) | null; postMessage(msg: unknown, transfer?: Transferable[]): void };

scope.onmessage = (e) => {
  try {
    const docs = docsOfExport(JSON.parse(e.data.text), e.data.firstDn);
    if (!docs) {
      scope.postMessage({ ok: false });
      return;
    }
    const built = buildBulkIndex(docs);
    const transfer: Transferable[] = [];
    for (const c of built.chunks) transfer.push(c.data.buffer as ArrayBuffer, c.offs.buffer as ArrayBuffer);
    scope.postMessage({ ok: true, built }, transfer);
  } catch {
    scope.postMessage({ ok: false });
  }
};
