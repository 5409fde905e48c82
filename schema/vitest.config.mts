import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // The subgraphs are loaded through their built CommonJS output; SWC only has to strip types here,
  // but keeps the decorator settings in line with the rest of the repo.
  plugins: [swc.vite({ jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { decoratorMetadata: true, legacyDecorator: true }, target: 'es2022' } })],
  resolve: {
    // One graphql realm: the subgraphs (CommonJS) and the composition must share graphql's instance.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
