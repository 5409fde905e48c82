import { createWebpackConfig } from '@poortwachter/ui/webpack-config';

export default createWebpackConfig({
  dir: import.meta.dirname,
  name: 'employee_portal',
  kind: 'remote',
  exposes: { './App': './src/App.tsx' },
});
