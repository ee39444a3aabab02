/**
 * HTTPS options for the development server, with the certificates of office-addin-dev-certs
 * (~/.office-addin-dev-certs). On Windows and macOS its CA is installed as trusted so Excel accepts
 * https://localhost:3000. On Linux installing the CA needs sudo and there is no desktop Excel, so
 * the certificates are only generated; trust the CA in your browser for Excel on the web.
 */
const fs = require("fs");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");
const { generateCertificates } = require("office-addin-dev-certs/lib/generate");

async function httpsOptions() {
  if (process.platform === "win32" || process.platform === "darwin") {
    return devCerts.getHttpsServerOptions();
  }
  if (!fs.existsSync(defaults.localhostCertificatePath) || !fs.existsSync(defaults.localhostKeyPath)) {
    await generateCertificates();
  }
  return {
    ca: fs.readFileSync(defaults.caCertificatePath),
    cert: fs.readFileSync(defaults.localhostCertificatePath),
    key: fs.readFileSync(defaults.localhostKeyPath),
  };
}

module.exports = { httpsOptions, caCertificatePath: defaults.caCertificatePath };
