// Async boundary: the shared singletons (React, the design system, ...) are negotiated by the
// federation runtime before any application code runs.
import('./bootstrap').catch((error: unknown) => {
  console.error('The portal could not start', error);
});
