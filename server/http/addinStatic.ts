import { existsSync } from 'node:fs';
import express from 'express';
import helmet from 'helmet';

/**
 * Where Office shows the task pane: frame-ancestors of the pane's page. Office on the web and the
 * Microsoft 365 app (worldwide), consumer Office (OneDrive and Office on the web with a Microsoft
 * account), and the US government clouds — GCC runs on the worldwide hosts; GCC High on
 * *.office365.us and *.sharepoint.us; DoD on *.apps.mil, *.office365.us and *.sharepoint-mil.us —
 * per Microsoft's endpoint lists: https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges,
 * .../microsoft-365-u-s-government-gcc-high-endpoints and .../microsoft-365-u-s-government-dod-endpoints.
 */
export const OFFICE_FRAME_ANCESTORS = [
  "'self'",
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.officeapps.live.com',
  'https://*.live.com',
  'https://*.sharepoint.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.office365.us',
  'https://*.sharepoint.us',
  'https://*.apps.mil',
  'https://*.sharepoint-mil.us',
] as const;

/**
 * Files Office fetches from another origin: Excel on the web loads functions.json, the functions'
 * script and the ribbon icons from its own pages, so they carry `Access-Control-Allow-Origin: *`
 * (the header Microsoft's add-in templates serve every file with — the `devServer.headers` of
 * https://github.com/OfficeDev/Office-Addin-TaskPane/blob/master/webpack.config.js) and a
 * cross-origin resource policy. Only these public, credential-free files: the API stays closed.
 */
const CROSS_ORIGIN_FILE = /\.(json|js|png|xml)$/i;

/**
 * The built add-in (task pane, functions, icons, manifest) on the API's origin, with no
 * authentication: the pane may be framed by Office's hosts, and Office's pages may fetch the
 * functions' metadata and the icons. Mounted after the API router, which keeps helmet's defaults.
 */
export function addinStatic(dir: string): express.Router {
  const router = express.Router();
  router.use(
    helmet({
      frameguard: false,
      // Office's own pages (another origin) load the metadata, scripts and icons.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      // Sign-in falls back to a popup where nested app authentication is unavailable.
      crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", 'https://appsforoffice.microsoft.com', 'https://*.officeapps.live.com'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'https:'],
          // Sign-in with the organisation's account asks Microsoft Entra ID for tokens.
          connectSrc: ["'self'", 'https://login.microsoftonline.com', 'https://login.microsoftonline.us'],
          workerSrc: ["'self'", 'blob:'],
          // Served over plain http on a developer's machine too: never rewrite to https.
          upgradeInsecureRequests: null,
          frameAncestors: [...OFFICE_FRAME_ANCESTORS],
        },
      },
    }),
  );
  router.use((req, res, next) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && CROSS_ORIGIN_FILE.test(req.path)) res.setHeader('Access-Control-Allow-Origin', '*');
    next();
  });
  router.get('/', (_req, res, next) => {
    if (existsSync(`${dir}/taskpane.html`)) res.redirect('/taskpane.html');
    else next();
  });
  router.use(express.static(dir, { index: false, fallthrough: true, maxAge: '5m' }));
  return router;
}
