import { createTheme, type MantineColorsTuple } from '@mantine/core';

/**
 * Calm, government-like palette: the darkest blue is the Dutch central government's "donkerblauw",
 * the filled shade (7) is "lintblauw". Shade choices keep every text/background pair used by the
 * components at WCAG 2.2 AA (>= 4.5:1); the unit tests check the pairs that matter.
 */
export const pwBlue: MantineColorsTuple = [
  '#e8f1f8', '#d2e4f1', '#a5c9e3', '#74acd4', '#4b93c6', '#2a80ba', '#0f74ad', '#01689b', '#01557f', '#154273',
];

export const pwTeal: MantineColorsTuple = [
  '#e4f5f3', '#c5e9e5', '#8fd5cd', '#55bfb4', '#2aa99d', '#12978b', '#08877c', '#00756b', '#005f57', '#004a44',
];

/** Neutral greys darkened so that "dimmed" text (shade 6) stays readable (about 5.9:1 on white). */
export const pwGray: MantineColorsTuple = [
  '#f7f8fa', '#eef1f4', '#e2e6ea', '#d3d9df', '#b9c1c9', '#8c96a0', '#59636e', '#454e58', '#343a40', '#212529',
];

/** Error red darkened: Mantine's default error shade (red 6) fails AA on white. */
export const pwRed: MantineColorsTuple = [
  '#fdeeee', '#fadada', '#f3b3b3', '#ea8585', '#dd5a5a', '#d23d3d', '#bf2a2a', '#a82323', '#8c1d1d', '#6e1616',
];

export const pwOrange: MantineColorsTuple = [
  '#fff4e6', '#ffe8cc', '#ffd09b', '#ffb564', '#fd9b36', '#f08a1c', '#d4730a', '#a85a06', '#8a4a05', '#6b3904',
];

export const pwGreen: MantineColorsTuple = [
  '#ebf7ee', '#d3eed9', '#a6dcb3', '#74c98b', '#4bb86a', '#2fa652', '#218f44', '#1a7a39', '#14642f', '#0e4d24',
];

export const theme = createTheme({
  primaryColor: 'pwBlue',
  primaryShade: { light: 7, dark: 5 },
  colors: { pwBlue, pwTeal, gray: pwGray, red: pwRed, orange: pwOrange, green: pwGreen },
  fontFamily:
    "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', system-ui, sans-serif",
  headings: {
    fontFamily:
      "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', system-ui, sans-serif",
    fontWeight: '700',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.25' },
      h2: { fontSize: '1.25rem', lineHeight: '1.3' },
      h3: { fontSize: '1.0625rem', lineHeight: '1.35' },
    },
  },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  black: '#1b2733',
  other: { headerBackground: '#154273', headerText: '#ffffff', pageBackground: '#f4f6f8' },
});
