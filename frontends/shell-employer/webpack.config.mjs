import { createWebpackConfig } from '@poortwachter/ui/webpack-config';

export default createWebpackConfig({
  dir: import.meta.dirname,
  name: 'shell_employer',
  kind: 'shell',
  title: 'Werkgeversportaal – Poortwachter',
  description: 'Werkgeversportaal van Poortwachter: actielijst, verzuimanalyse, agenda en personen.',
});
