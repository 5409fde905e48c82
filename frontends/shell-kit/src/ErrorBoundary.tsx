import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** When this value changes (e.g. the route), a caught error is forgotten. */
  resetKey?: unknown;
  fallback: (error: unknown, reset: () => void) => ReactNode;
  children: ReactNode;
}

interface State {
  error: unknown;
  failedAt: unknown;
}

/** Keeps a failing part (a remote that cannot load or crashes) from taking the whole shell down. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, failedAt: undefined };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error ?? new Error('unknown error') };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.error && state.failedAt !== undefined && props.resetKey !== state.failedAt)
      return { error: null, failedAt: undefined };
    return null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.setState({ failedAt: this.props.resetKey });
    console.error('A part of the portal failed', error, info.componentStack);
  }

  reset = (): void => this.setState({ error: null, failedAt: undefined });

  override render(): ReactNode {
    if (this.state.error) return this.props.fallback(this.state.error, this.reset);
    return this.props.children;
  }
}
