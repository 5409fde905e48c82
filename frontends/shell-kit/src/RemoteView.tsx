import { ErrorPanel, LoadingState, useLocation } from '@poortwachter/ui';
import { lazy, Suspense, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { loadRemoteComponent, resetRemote, type RemoteAppProps } from './federation';

const lazyComponents = new Map<string, LazyExoticComponent<ComponentType<RemoteAppProps>>>();

// One lazy component per remote and attempt: navigating between routes of the same remote must not
// suspend again, while a retry must start a fresh load.
function lazyRemote(id: string, attempt: number): LazyExoticComponent<ComponentType<RemoteAppProps>> {
  const key = `${id}#${attempt}`;
  let component = lazyComponents.get(key);
  if (!component) {
    component = lazy(() => loadRemoteComponent<RemoteAppProps>(id));
    lazyComponents.set(key, component);
  }
  return component;
}

/** Forgets every loaded or failed remote component (a fresh start, e.g. between tests). */
export function clearRemoteViews(): void {
  lazyComponents.clear();
}

/**
 * Renders a remote's exposed App (e.g. `employee_portal/App`) under `basePath`. While it loads a
 * status is shown; when it cannot be loaded or crashes, an error panel with a retry appears in its
 * place and the rest of the shell keeps working.
 */
export function RemoteView({ id, basePath = '/' }: { id: string; basePath?: string }) {
  const [attempt, setAttempt] = useState(0);
  const { pathname } = useLocation();
  const Remote = lazyRemote(id, attempt);
  const retry = () => {
    resetRemote(id.split('/')[0] ?? id);
    setAttempt((n) => n + 1);
  };
  return (
    <ErrorBoundary
      resetKey={`${attempt}:${pathname}`}
      fallback={(error) => <ErrorPanel kind="remote" error={error} onRetry={retry} />}
    >
      <Suspense fallback={<LoadingState />}>
        <Remote basePath={basePath} />
      </Suspense>
    </ErrorBoundary>
  );
}
