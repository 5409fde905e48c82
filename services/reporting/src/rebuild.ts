import 'reflect-metadata';
import { initializeAndMigrate } from '@poortwachter/kit';
import { rebuildReadModel } from './events/projection.js';
import { service } from './index.js';

/**
 * `npm run rebuild -w @poortwachter/reporting-service` (with DATABASE_URL): throws the statistics
 * read model away and derives it again from reporting's event log, in one transaction, so the
 * service may keep running meanwhile.
 */
async function main(): Promise<void> {
  const dataSource = service.createDataSource();
  await initializeAndMigrate(dataSource);
  try {
    const started = performance.now();
    const counts = await rebuildReadModel(dataSource);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Read model rebuilt in ${seconds.toFixed(1)} s: ${counts.sickCases} sick cases, ${counts.segments} absence segments, ${counts.employments} employments.`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
