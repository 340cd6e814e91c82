import type { ComponentType, ReactElement } from 'react';

// A place in one feature area's UI that another area fills, so neither imports the other: the owner renders
// `<x.Slot …/>`, app/feature-slots.ts calls `x.fill(Component)` once at start-up. Empty, it renders nothing.

export interface Slot<P extends object> {
  Slot: (props: P) => ReactElement | null;
  fill: (component: ComponentType<P>) => void;
}

export function slot<P extends object>(name: string): Slot<P> {
  let Filled: ComponentType<P> | null = null;
  const Render = (props: P) => (Filled ? <Filled {...props} /> : null);
  Render.displayName = `Slot(${name})`;
  return { Slot: Render, fill: (component) => { Filled = component; } };
}
