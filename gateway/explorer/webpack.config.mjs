// Builds the partner API explorer (GraphiQL 5 with its Monaco editors) into dist/explorer, served by
// the gateway at /explorer. Everything is bundled: the page loads nothing from a CDN.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';

const here = path.dirname(fileURLToPath(import.meta.url));

export default {
  mode: 'production',
  context: here,
  entry: { explorer: './src/main.tsx' },
  output: {
    path: path.resolve(here, '..', 'dist', 'explorer'),
    publicPath: '/explorer/',
    filename: '[name].[contenthash:8].js',
    chunkFilename: '[name].[contenthash:8].js',
    assetModuleFilename: 'assets/[name].[contenthash:8][ext]',
    clean: true,
  },
  resolve: {
    extensions: ['.tsx', '.ts', '.mjs', '.js'],
    // @graphiql/toolkit can open subscriptions over graphql-ws; the gateway has none.
    alias: { 'graphql-ws': false },
  },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'swc-loader',
          options: {
            jsc: {
              parser: { syntax: 'typescript', tsx: true },
              transform: { react: { runtime: 'automatic' } },
              target: 'es2022',
            },
          },
        },
      },
      // Monaco's ESM build imports its own CSS files; GraphiQL's style.css brings the rest.
      { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
      { test: /\.(ttf|woff2?)$/, type: 'asset/resource' },
      // Some dependencies import ESM files without extensions.
      { test: /\.m?js$/, resolve: { fullySpecified: false } },
    ],
  },
  plugins: [
    new MiniCssExtractPlugin({
      filename: '[name].[contenthash:8].css',
      chunkFilename: '[name].[contenthash:8].css',
    }),
    new HtmlWebpackPlugin({ template: './src/index.html', inject: 'body', scriptLoading: 'defer' }),
  ],
  // Monaco is large by nature; this is a developer tool, not a shell with a JavaScript budget.
  performance: { hints: false },
  devtool: false,
  stats: 'errors-warnings',
};
