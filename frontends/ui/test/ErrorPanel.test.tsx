import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorPanel, PasswordInput } from '../src';
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

  it('explains a GraphQL error by its extensions.code with a next step, without a retry that cannot help', () => {
    const retry = vi.fn();
    renderUi(<ErrorPanel error={{ errors: [{ message: 'nope', extensions: { code: 'FORBIDDEN' } }] }} onRetry={retry} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('U heeft geen toegang tot deze gegevens. Denkt u dat dit niet klopt');
    expect(alert.textContent).not.toContain('FORBIDDEN');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('treats an unlisted *_NOT_FOUND code as missing data: a way back, no raw code, no retry', () => {
    renderUi(<ErrorPanel error={{ errors: [{ message: 'x', extensions: { code: 'SICK_CASE_NOT_FOUND' } }] }} onRetry={() => undefined} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Ga terug naar het overzicht');
    expect(alert.textContent).not.toContain('SICK_CASE_NOT_FOUND');
    expect(screen.queryByRole('button', { name: 'Opnieuw proberen' })).toBeNull();
  });

  it('offers a retry and a helpdesk reference when the server failed', () => {
    const retry = vi.fn();
    renderUi(<ErrorPanel error={{ errors: [{ message: 'x', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] }} onRetry={retry} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Kenmerk voor de helpdesk: SUBGRAPH_UNAVAILABLE');
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(retry).toHaveBeenCalledTimes(1);
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

describe('PasswordInput', () => {
  it('labels the show/hide button in Dutch', () => {
    renderUi(<PasswordInput label="Wachtwoord" />);
    expect(screen.getByRole('button', { name: 'Ingevoerde tekens tonen of verbergen' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Toggle password visibility/ })).toBeNull();
  });
});
