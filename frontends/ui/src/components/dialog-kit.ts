// The Mantine parts used in dialogs and forms inside them, loaded on demand (see Dialog.tsx).
export { Fieldset, Modal, Radio, Tabs, Textarea } from '@mantine/core';
