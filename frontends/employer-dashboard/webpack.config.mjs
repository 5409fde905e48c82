import { createWebpackConfig } from '@poortwachter/ui/webpack-config';

export default createWebpackConfig({
  dir: import.meta.dirname,
  name: 'employer_dashboard',
  kind: 'remote',
  exposes: { './App': './src/App.tsx' },
});
