/*
 * Builds the Excel add-in into dist/addin/: one shared-runtime page (taskpane.html) that loads the
 * functions, commands and task pane bundles, functions.json generated from the functions' JSDoc,
 * the icons, and manifest.xml with the server's public URL written in.
 *
 *   ADDIN_PUBLIC_URL=https://costing.city.gov npm run build:addin
 *
 * ADDIN_PUBLIC_URL defaults to https://localhost:3000 (development and sideloading).
 */
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const webpack = require('webpack');
const { manifestForUrl, publicUrlFromEnv } = require('./scripts/addinManifest.cjs');

/**
 * The Entra ID app registration the pane signs in with (docs/ADDIN.md), or null: API tokens only.
 *   ADDIN_ENTRA_CLIENT_ID, ADDIN_ENTRA_AUTHORITY (default https://login.microsoftonline.com/organizations),
 *   ADDIN_ENTRA_SCOPE (default api://<ADDIN_PUBLIC_URL host>/<client id>/access_as_user).
 */
function entraFromEnv(env, publicUrl) {
  const clientId = (env.ADDIN_ENTRA_CLIENT_ID || '').trim();
  if (!clientId) return null;
  return {
    clientId,
    authority: (env.ADDIN_ENTRA_AUTHORITY || 'https://login.microsoftonline.com/organizations').trim(),
    scope: (env.ADDIN_ENTRA_SCOPE || `api://${new URL(publicUrl).host}/${clientId}/access_as_user`).trim(),
  };
}

module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  const publicUrl = publicUrlFromEnv(process.env);
  return {
    mode: production ? 'production' : 'development',
    devtool: 'source-map',
    context: __dirname,
    entry: {
      functions: './addin/functions/functions.ts',
      commands: './addin/commands/commands.ts',
      taskpane: './addin/taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist/addin'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    target: ['web', 'es2020'],
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // Our sources import relative files as "./x.js" (NodeNext style): find the .ts/.tsx behind them.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: 'es2020', tsconfig: path.resolve(__dirname, 'tsconfig.json') },
        },
      ],
    },
    optimization: {
      // One webpack runtime for the page's three bundles, so a module they share is loaded once.
      runtimeChunk: 'single',
      splitChunks: { chunks: 'all' },
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ __BC_ENTRA__: JSON.stringify(entraFromEnv(process.env, publicUrl)) }),
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './addin/functions/functions.ts' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/pages/taskpane.html',
        // The shared runtime: this one page is the task pane, the custom functions' runtime and the ribbon commands' function file.
        chunks: ['functions', 'commands', 'taskpane'],
        chunksSortMode: 'manual',
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'addin/assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => manifestForUrl(content.toString('utf8'), publicUrl),
          },
        ],
      }),
    ],
  };
};
