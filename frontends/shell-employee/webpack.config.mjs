import { createWebpackConfig } from '@poortwachter/ui/webpack-config';

export default createWebpackConfig({
  dir: import.meta.dirname,
  name: 'shell_employee',
  kind: 'shell',
  title: 'Medewerkersportaal – Poortwachter',
  description: 'Medewerkersportaal van Poortwachter: uw verzuimdossiers en afspraken met de arbodienst.',
});
