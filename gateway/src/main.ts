import { startGateway } from './server.js';

/** `npm start -w @poortwachter/gateway`: serve until SIGINT/SIGTERM. */
startGateway()
  .then((gateway) => {
    console.log(
      `[gateway] GraphQL at ${gateway.url}, explorer at ${gateway.origin}/explorer, health at ${gateway.origin}/health`,
    );
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`[gateway] ${signal}: stopping`);
      gateway.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  })
  .catch((error: unknown) => {
    console.error(`[gateway] failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
