import { downloadText, exportFileName } from '../history/transfer/ui/download';
import { readImportText } from '../history/transfer/formats/guard';
import type { ImportLimits } from '../history/transfer/formats/export-format';
import { assistantFileText, parseAssistantFile, AssistantFileError, MAX_ASSISTANT_FILE_BYTES } from './file-format';
import { newAssistantId, saveAssistant } from './store';
import type { Assistant } from './types';

/** Saves the assistant as "parley-assistant-<name>-<date>.json". */
export function downloadAssistant(a: Assistant): void {
  downloadText(assistantFileText(a), exportFileName(a.name, 'json').replace(/^parley-/, 'parley-assistant-'), 'application/json');
}

/** Reads a picked file and stores the assistant in it as a new one; throws an AssistantFileError saying why not. */
export async function importAssistantFile(file: Blob): Promise<Assistant> {
  if (file.size > MAX_ASSISTANT_FILE_BYTES) {
    throw new AssistantFileError(`This file is ${Math.ceil(file.size / 1024)} KB; an assistant file is at most ${MAX_ASSISTANT_FILE_BYTES / 1024} KB. Nothing was imported.`);
  }
  let text: string;
  try {
    text = await readImportText(file, { maxBytes: MAX_ASSISTANT_FILE_BYTES } as ImportLimits);
  } catch {
    throw new AssistantFileError('This file is not UTF-8 text, so it is not an assistant file. Nothing was imported.');
  }
  return saveAssistant(parseAssistantFile(text, { id: newAssistantId(), now: Date.now() }));
}
