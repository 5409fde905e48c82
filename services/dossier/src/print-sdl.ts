import { subgraphSdl } from '@poortwachter/kit';
import { service } from './index.js';

// Prints the subgraph SDL for the supergraph composition; needs no database (nothing executes).
async function main(): Promise<void> {
  const schema = await service.buildSchema({ dataSource: service.createDataSource('postgres://sdl-only'), bus: null });
  process.stdout.write(subgraphSdl(schema));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
