import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { ModelSummary } from '../../../shared/contract/models';
import { loadModels } from '../../common/models/use-models';
import { answerImagesForModel } from './answer-images-in-context';

/** A model whose catalog output modalities include images is asked for them (OpenRouter's `modalities`; each
 * adapter turns it into its own wire's field, docs/provider-wire-formats.md §9). */
export function withImageOutput(request: ChatRequest, model: Pick<ModelSummary, 'outputModalities'> | undefined): ChatRequest {
  if (!model?.outputModalities.includes('image') || request.modalities) return request;
  return { ...request, modalities: ['image', 'text'] };
}

/** `withImageOutput` with the model looked up in the catalog; a catalog that cannot load asks for text only. An
 * earlier answer's images go only to a model that takes image input. */
export async function askForImages(request: ChatRequest): Promise<ChatRequest> {
  const list = await loadModels().catch(() => undefined);
  const base = request.model?.split(':')[0];
  const model = list?.models.find((m) => m.id === request.model || m.id === base);
  return answerImagesForModel(withImageOutput(request, model), model);
}
