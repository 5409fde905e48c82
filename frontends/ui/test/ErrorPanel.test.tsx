import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorPanel } from '../src';
import { renderUi } from './render';

describe('ErrorPanel', () => {
  it('announces a remote that failed to load, in Dutch, and retries on request', () => {
    const retry = vi.fn();
    renderUi(<ErrorPanel kind="remote" error={new Error('manifest refused')} onRetry={retry} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Dit onderdeel kon niet worden geladen');
    expect(alert.textContent).toContain('De rest van het portaal blijft gewoon werken.');
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('explains a GraphQL error by its extensions.code and shows the code', () => {
    renderUi(<ErrorPanel error={{ errors: [{ message: 'nope', extensions: { code: 'FORBIDDEN' } }] }} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('U heeft geen toegang tot deze gegevens.');
    expect(alert.textContent).toContain('Foutcode: FORBIDDEN');
  });

  it('recognises an unreachable server', () => {
    renderUi(<ErrorPanel error={new TypeError('Failed to fetch')} />);
    expect(screen.getByRole('alert').textContent).toContain('De server is niet bereikbaar');
  });

  it('has no retry button when there is nothing to retry', () => {
    renderUi(<ErrorPanel message="Kapot" />);
    expect(screen.getByRole('alert').textContent).toContain('Kapot');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
