const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DEV_ORIGIN, HelpPagesPlugin, RewriteUrlsPlugin } = require("./scripts/webpack-plugins");
const pkg = require("./package.json");

/**
 * Where the built add-in will be hosted. A release (`npm run release -- --url ...`) sets
 * NL_AFTREK_URL; every other build is for the development server on https://localhost:3000/.
 */
function hostUrl() {
  const url = process.env.NL_AFTREK_URL;
  if (!url) return DEV_ORIGIN;
  if (!/^https:\/\/[^/]+(\/.*)?\/$/.test(url)) {
    throw new Error(`NL_AFTREK_URL moet met https:// beginnen en op '/' eindigen: ${url}`);
  }
  return url;
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  return {
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
      // Relative to the page (all files sit beside taskpane.html). "auto" would add a runtime
      // global lookup that falls back to new Function, which the CSP forbids.
      publicPath: "",
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
      ],
    },
    performance: { hints: false },
    // No `global` shim: webpack's shim falls back to new Function("return this"), which the CSP forbids.
    node: { global: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: require("./scripts/function-modules"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // functions first: the custom functions register before the task pane code runs
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
        ],
      }),
      new HelpPagesPlugin({
        examplesFile: path.resolve(__dirname, "help/examples.json"),
        parametersFile: path.resolve(__dirname, "help/parameters.json"),
        cssFile: path.resolve(__dirname, "help/help.css"),
        namespace: "NL",
      }),
      new RewriteUrlsPlugin(dev ? DEV_ORIGIN : hostUrl(), pkg.version),
    ],
    devServer: {
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: dev ? { type: "https", options: await require("./scripts/dev-certs").httpsOptions() } : undefined,
      port: Number(process.env.npm_package_config_dev_server_port || pkg.config.dev_server_port),
      client: false,
      hot: false,
      liveReload: false,
    },
  };
};
