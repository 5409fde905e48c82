import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Button, Fieldset, Modal, Radio, Tabs, Textarea } from '../src';
import { renderUi } from './render';

function Example() {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)}>Openen</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Voorbeeld">
        <Tabs defaultValue="a">
          <Tabs.List aria-label="Onderdelen">
            <Tabs.Tab value="a">Eerste</Tabs.Tab>
            <Tabs.Tab value="b">Tweede</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="a">
            <Fieldset legend="Gegevens">
              <Textarea label="Opmerking" description="Geen medische informatie" />
              <Radio.Group label="Status" defaultValue="x">
                <Radio value="x" label="Afgehandeld" />
                <Radio value="y" label="Geannuleerd" />
              </Radio.Group>
            </Fieldset>
          </Tabs.Panel>
          <Tabs.Panel value="b">Tweede paneel</Tabs.Panel>
        </Tabs>
      </Modal>
    </>
  );
}

describe('dialog parts outside a Modal', () => {
  // First in this file: the kit is not loaded yet, so this goes through the lazy path.
  it('appear once the kit has loaded', async () => {
    renderUi(<Textarea label="Los veld" />);
    expect(await screen.findByRole('textbox', { name: 'Los veld' }, { timeout: 5000 })).toBeTruthy();
  });
});

describe('Modal and the dialog parts', () => {

  it('render nothing while closed, then a titled dialog with working tabs, fields and radios', async () => {
    renderUi(<Example />);
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Openen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Voorbeeld' }, { timeout: 5000 });
    const textarea = within(dialog).getByRole('textbox', { name: 'Opmerking' });
    expect(document.getElementById(textarea.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Geen medische informatie');
    expect(within(dialog).getByRole('group', { name: 'Gegevens' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Geannuleerd' }));
    expect((within(dialog).getByRole('radio', { name: 'Geannuleerd' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Tweede' }));
    expect(within(dialog).getByRole('tabpanel', { name: 'Tweede' }).textContent).toBe('Tweede paneel');
  });
});
