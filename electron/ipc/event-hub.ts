import type { EventName, EventPayload } from '../../shared/contract/events';

export type EventSink = (event: string, payload: unknown) => void;

/** Fan-out of main's events to every attached renderer, whatever its transport. */
export function createEventHub() {
  const sinks = new Set<EventSink>();
  return {
    attach(sink: EventSink): () => void {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      for (const sink of sinks) {
        try {
          sink(event, payload);
        } catch (err) {
          console.error(`event sink failed for ${event}:`, (err as Error).message);
        }
      }
    },
    get size() {
      return sinks.size;
    },
  };
}

export type EventHub = ReturnType<typeof createEventHub>;
