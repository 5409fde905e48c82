import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { UiProvider } from '../src';

export function renderUi(element: ReactElement) {
  return render(<UiProvider>{element}</UiProvider>);
}
