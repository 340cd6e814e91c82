import { Component, type ReactNode } from 'react';

/** Keeps a broken widget from taking the page down: it renders `fallback` instead, and says why in the log. */
export class SafeBoundary extends Component<{ children: ReactNode; fallback?: ReactNode; name: string }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(err: Error) {
    console.error(`${this.props.name} failed:`, err.message);
  }
  override render() {
    return this.state.failed ? (this.props.fallback ?? null) : this.props.children;
  }
}
