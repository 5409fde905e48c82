// One webpack setup for every Poortwachter frontend (shells and remotes), so the module-federation
// contract (names, shared singletons, manifests) cannot drift between packages.
import { createRequire } from 'node:module';
import path from 'node:path';
import { ModuleFederationPlugin } from '@module-federation/enhanced/webpack';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';

const require = createRequire(import.meta.url);
const uiPackage = require('../package.json');

/**
 * The modules that must exist once at run time. React and react-dom (hooks and the renderer),
 * Apollo Client (the shell's ApolloProvider context reaches the remotes' useQuery), the design
 * system (one Mantine theme, one i18n instance, and the routing primitives: the remotes route inside
 * the shell's router), i18next and react-i18next. A trailing slash also shares deep imports such as
 * `react/jsx-runtime` or `@apollo/client/react`. Remotes never load their own copy eagerly.
 * Mantine and react-router are deliberately not shared by themselves: a shared module cannot be
 * tree-shaken, so they reach the frontends through the design system's re-exports.
 */
export function sharedSingletons(pkg) {
  const deps = { ...pkg.devDependencies, ...pkg.dependencies };
  const versionOf = (name) => {
    const declared = deps[name];
    if (name === '@poortwachter/ui') return `^${uiPackage.version}`;
    if (!declared) throw new Error(`${pkg.name} must depend on ${name} to share it`);
    return declared;
  };
  const shared = {};
  for (const name of ['react', 'react-dom', '@apollo/client', '@poortwachter/ui', 'i18next', 'react-i18next']) {
    const config = { singleton: true, eager: false, requiredVersion: versionOf(name) };
    shared[name] = config;
    if (['react', 'react-dom', '@apollo/client'].includes(name)) shared[`${name}/`] = { ...config };
  }
  return shared;
}

const HTML_TEMPLATE = ({ htmlWebpackPlugin }) => `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="theme-color" content="#154273" />
    <meta name="color-scheme" content="light" />
    <meta name="description" content="${htmlWebpackPlugin.options.description}" />
    <link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%23154273'/%3E%3Cpath d='M8 26V13a8 8 0 0 1 16 0v13h-4V13a4 4 0 0 0-8 0v13z' fill='%23fff'/%3E%3C/svg%3E" />
    <title>${htmlWebpackPlugin.options.title}</title>
  </head>
  <body>
    <div id="root"></div>
    <noscript>Schakel JavaScript in om ${htmlWebpackPlugin.options.title} te gebruiken.</noscript>
  </body>
</html>
`;

/**
 * @param {object} options
 * @param {string} options.dir        the package directory (import.meta.dirname)
 * @param {string} options.name       the federation container name, e.g. `shell_employee`
 * @param {'shell'|'remote'} options.kind
 * @param {Record<string,string>} [options.exposes]  remotes: `{ './App': './src/App.tsx' }`
 * @param {string} [options.title]    shells: the page title
 * @param {string} [options.description]
 */
export function createWebpackConfig({ dir, name, kind, exposes, title, description = '' }) {
  const pkg = require(path.join(dir, 'package.json'));
  const isShell = kind === 'shell';
  return (_env, argv) => {
    const production = (argv?.mode ?? 'production') === 'production';
    return {
      mode: production ? 'production' : 'development',
      context: dir,
      entry: isShell ? { main: './src/index.ts' } : {},
      devtool: production ? false : 'eval-cheap-module-source-map',
      output: {
        path: path.join(dir, 'dist'),
        publicPath: 'auto',
        // Entry files keep a stable name (served with no-cache, like remoteEntry.js): the federation
        // runtime embeds the entry's own file name, which a content hash cannot be computed for.
        filename: '[name].js',
        chunkFilename: production ? '[name].[contenthash:16].js' : '[name].js',
        assetModuleFilename: 'assets/[name].[contenthash:16][ext]',
        uniqueName: name,
        clean: true,
      },
      resolve: { extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'] },
      module: {
        rules: [
          {
            test: /\.[cm]?tsx?$/,
            exclude: /node_modules/,
            use: {
              loader: 'swc-loader',
              options: {
                jsc: {
                  parser: { syntax: 'typescript', tsx: true },
                  transform: { react: { runtime: 'automatic', development: !production } },
                  target: 'es2022',
                },
              },
            },
          },
          { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
        ],
      },
      plugins: [
        new MiniCssExtractPlugin({
          filename: production ? '[name].[contenthash:16].css' : '[name].css',
          chunkFilename: production ? '[name].[contenthash:16].css' : '[name].css',
        }),
        new ModuleFederationPlugin({
          name,
          ...(isShell ? {} : { filename: 'remoteEntry.js', exposes, manifest: true }),
          shared: sharedSingletons(pkg),
          // Every frontend is built from this workspace with the same versions of the shared
          // singletons, so the copy already loaded (the shell's) is the right one. The default
          // 'version-first' would download every registered remote's entry (~29 KB gzip each) the
          // first time a lazily loaded chunk consumes a shared module, just to compare versions.
          shareStrategy: 'loaded-first',
          // Type generation would try to fetch remote types over the network; the contract is
          // `RemoteAppProps` in @poortwachter/ui instead.
          dts: false,
        }),
        ...(isShell
          ? [
              new HtmlWebpackPlugin({
                templateContent: HTML_TEMPLATE,
                title,
                description,
                // Absolute script URLs so deep links (/afspraken/...) served by the SPA fallback work.
                publicPath: '/',
                scriptLoading: 'defer',
                // Cache-busts the stable entry file name on every build.
                hash: true,
                minify: production,
              }),
            ]
          : []),
      ],
      optimization: {
        moduleIds: 'deterministic',
        chunkIds: 'deterministic',
        splitChunks: {
          cacheGroups: {
            // Each shared module (every `@apollo/client/...` entry point is one) is a chunk of its own,
            // and libraries several of them use (rxjs, @wry/*, graphql) were below the default 20 KB
            // minimum for a common chunk, so each got its own copy (~90 KB raw on a dashboard).
            // Common library code now gets a chunk once it is 1 KB.
            defaultVendors: { test: /[\\/]node_modules[\\/]/, priority: -10, reuseExistingChunk: true, minSize: 1024 },
          },
        },
      },
      performance: { hints: false },
      // WEBPACK_STATS=detailed with --json=<file> gives the per-chunk module lists for size analysis.
      stats: process.env.WEBPACK_STATS ?? (production ? 'errors-warnings' : 'minimal'),
      devServer: undefined,
    };
  };
}
