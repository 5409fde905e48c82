import type { FieldsetProps, ModalProps, RadioGroupProps, RadioProps, TabsListProps, TabsPanelProps, TabsProps, TabsTabProps, TextareaProps } from '@mantine/core';
import { lazy, Suspense, type ComponentType } from 'react';

// Dialogs and the form parts that live in them (about 12 KB gzip with the focus trap, portal,
// overlay and scroll lock) are fetched the first time a dialog opens. The design system is a
// shared module, which is never tree-shaken: static exports would weigh on every shell's first load.
type Kit = typeof import('./dialog-kit');
let kitPromise: Promise<Kit> | null = null;
let loadedKit: Kit | null = null;

/** Starts loading the dialog parts, e.g. when a user hovers the button that opens one. */
export function preloadDialogKit(): Promise<Kit> {
  kitPromise ??= import('./dialog-kit').then((kit) => (loadedKit = kit));
  return kitPromise;
}

/**
 * A part of the kit. Once the kit is loaded (always the case inside an open Modal) it renders
 * directly; before that it suspends behind its own boundary and appears when the kit arrives.
 */
function kitPart<P extends object>(pick: (kit: Kit) => ComponentType<P>, name: string): ComponentType<P> {
  const Lazy = lazy(() => preloadDialogKit().then((kit) => ({ default: pick(kit) })));
  function Part(props: P) {
    if (loadedKit) {
      const Loaded = pick(loadedKit);
      return <Loaded {...props} />;
    }
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  Part.displayName = name;
  return Part;
}

const ModalPart = kitPart<ModalProps>((kit) => kit.Modal as ComponentType<ModalProps>, 'Modal');

/**
 * Mantine's Modal (titled dialog, focus trap, Escape closes), loaded when first opened. Tabs, Radio,
 * Textarea and Fieldset come with it; they work anywhere, and render at once inside a Modal.
 */
export function Modal(props: ModalProps) {
  return props.opened ? <ModalPart {...props} /> : null;
}

export const Textarea = kitPart<TextareaProps>((kit) => kit.Textarea as ComponentType<TextareaProps>, 'Textarea');
export const Fieldset = kitPart<FieldsetProps>((kit) => kit.Fieldset as ComponentType<FieldsetProps>, 'Fieldset');
export const Radio = Object.assign(
  kitPart<RadioProps>((kit) => kit.Radio as ComponentType<RadioProps>, 'Radio'),
  { Group: kitPart<RadioGroupProps>((kit) => kit.Radio.Group as ComponentType<RadioGroupProps>, 'Radio.Group') },
);
export const Tabs = Object.assign(
  kitPart<TabsProps>((kit) => kit.Tabs as ComponentType<TabsProps>, 'Tabs'),
  {
    List: kitPart<TabsListProps>((kit) => kit.Tabs.List as ComponentType<TabsListProps>, 'Tabs.List'),
    Tab: kitPart<TabsTabProps>((kit) => kit.Tabs.Tab as ComponentType<TabsTabProps>, 'Tabs.Tab'),
    Panel: kitPart<TabsPanelProps>((kit) => kit.Tabs.Panel as ComponentType<TabsPanelProps>, 'Tabs.Panel'),
  },
);

export type { FieldsetProps, ModalProps, RadioGroupProps, RadioProps, TabsProps, TextareaProps };
