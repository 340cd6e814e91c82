export { readSse, SseBufferOverflowError, type SseEvent, type SseStream, type ReadSseOptions } from './read-sse';
export { encodeSse, encodeSseComment, SSE_DONE, type SseOut } from './encode-sse';
