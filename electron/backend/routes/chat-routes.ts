import type { StreamManager } from '../chat/stream-manager';
import type { RouteGroup } from './route-group';

/** Streams main owns: start, stop, the active ones, and acknowledging a finished one. */
export function chatRouteHandlers(streams: StreamManager): RouteGroup<'chat'> {
  return {
    'chat.start': ({ streamId, meta, request, tools }) => streams.start(streamId, meta, request, tools),
    'chat.approveTool': ({ streamId, callId, choice }) => ({ accepted: streams.approveTool(streamId, callId, choice) }),
    'chat.stop': ({ streamId }) => ({ stopped: streams.stop(streamId) }),
    'chat.active': () => streams.active(),
    'chat.ack': ({ streamId }) => ({ released: streams.ack(streamId) }),
  };
}
