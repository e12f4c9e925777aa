/*
 * The manifest in the repository points at https://localhost:3000 (development). A build for a
 * server writes that server's public URL into every URL of the manifest it emits.
 */
const DEV_URL = 'https://localhost:3000';

function publicUrlFromEnv(env) {
  const raw = (env.ADDIN_PUBLIC_URL || DEV_URL).trim().replace(/\/+$/, '');
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL "${raw}" is not a URL; set it to the server's public https address, e.g. https://costing.city.gov`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_PUBLIC_URL must be https (Office loads add-ins only over https); got ${raw}`);
  if (url.search || url.hash) throw new Error(`ADDIN_PUBLIC_URL must not carry a query or fragment; got ${raw}`);
  return raw;
}

function manifestForUrl(xml, publicUrl) {
  if (!xml.includes(DEV_URL)) throw new Error(`manifest.xml has no ${DEV_URL} URLs to replace`);
  return xml.split(DEV_URL).join(publicUrl);
}

module.exports = { DEV_URL, publicUrlFromEnv, manifestForUrl };
