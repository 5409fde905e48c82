// ESLint for the frontends: the repository's shared config plus React's hook rules, and a guard that
// Mantine is only reached through the design system (one Mantine instance at run time).
import base from '@poortwachter/infra/eslint-config';
import reactHooks from 'eslint-plugin-react-hooks';

export default [
  ...base,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
];

/** For packages other than the design system itself. */
export const consumerRules = {
  files: ['**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['@mantine/*'], message: "Use the re-exports of '@poortwachter/ui': the design system is the one shared Mantine." },
          { group: ['chart.js', 'react-chartjs-2'], message: "Use the chart components of '@poortwachter/ui'." },
          { group: ['react-router', 'react-router/*'], message: "Use the routing re-exports of '@poortwachter/ui': one router for shell and remotes." },
        ],
      },
    ],
  },
};
