import frontend from './config/eslint.mjs';

export default [
  ...frontend,
  {
    // The shell toolkit must import the design system by its package name, so the singleton is used.
    files: ['src/shell/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*'], message: "Import the design system as '@poortwachter/ui'." }] }],
    },
  },
  {
    // An English catalog imports its Dutch sibling's type (the shape), nothing from the design system.
    files: ['src/shell/i18n/en/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
];
