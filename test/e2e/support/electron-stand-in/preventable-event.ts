/** The event object Electron passes to its listeners: a listener may call preventDefault() to refuse. */
export interface PreventableEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

export function preventableEvent<T extends object>(fields?: T): PreventableEvent & T {
  let prevented = false;
  return Object.assign(
    {
      preventDefault() {
        prevented = true;
      },
      get defaultPrevented() {
        return prevented;
      },
    },
    fields,
  ) as PreventableEvent & T;
}
