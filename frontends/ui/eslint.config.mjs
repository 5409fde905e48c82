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
];
