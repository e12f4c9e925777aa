import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { allElements, child, parseXml, type XmlElement } from './xmlTree.js';

const require = createRequire(import.meta.url);
const { manifestForUrl, publicUrlFromEnv } = require('../../scripts/addinManifest.cjs') as {
  manifestForUrl: (xml: string, url: string) => string;
  publicUrlFromEnv: (env: Record<string, string | undefined>) => string;
};

/** Width, height and alpha of an 8-bit RGBA PNG as scripts/make-addin-icons.mjs writes it (one IDAT, filter 0). */
function decodePng(file: Buffer): { width: number; height: number; alpha: (x: number, y: number) => number } {
  expect(file.subarray(1, 4).toString('ascii')).toBe('PNG');
  const width = file.readUInt32BE(16);
  const height = file.readUInt32BE(20);
  expect([file[24], file[25]]).toEqual([8, 6]); // 8 bits per channel, RGBA
  let at = 8;
  const data: Buffer[] = [];
  while (at < file.length) {
    const length = file.readUInt32BE(at);
    if (file.subarray(at + 4, at + 8).toString('ascii') === 'IDAT') data.push(file.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4 + 1;
  return {
    width,
    height,
    alpha: (x, y) => {
      expect(raw[y * stride]).toBe(0);
      return raw[y * stride + 1 + x * 4 + 3]!;
    },
  };
}

const source = readFileSync(new URL('../../manifest.xml', import.meta.url), 'utf8');
const manifest = parseXml(source);

/** The child order the add-in-only manifest schemas require (present children must follow it). */
const schemaOrder: Record<string, string[]> = {
  OfficeApp: [
    'Id',
    'AlternateId',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'AllowSnapshot',
    'VersionOverrides',
  ],
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'VersionOverrides'],
  'Host[Workbook]': ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  'ExtensionPoint[CustomFunctions]': ['Script', 'Page', 'Metadata', 'Namespace'],
  Resources: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'],
  Group: ['Label', 'Icon', 'Control'],
  'Control[Button]': ['Label', 'Supertip', 'Icon', 'Action'],
  'Action[ShowTaskpane]': ['TaskpaneId', 'SourceLocation', 'Title'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Supertip: ['Title', 'Description'],
};

function key(element: XmlElement): string {
  const type = element.attributes['xsi:type'];
  return type && schemaOrder[`${element.name}[${type}]`] ? `${element.name}[${type}]` : element.name;
}

const elements = allElements(manifest);
const resources = child(child(manifest, 'VersionOverrides'), 'Resources');
const definedIds = allElements(resources).filter((e) => e.attributes.id !== undefined);

describe('manifest.xml', () => {
  it('is an Excel task pane add-in with a GUID id and a version', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
    expect(child(manifest, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(child(manifest, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(child(manifest, 'Hosts'), 'Host').attributes.Name).toBe('Workbook');
    expect(child(manifest, 'Permissions').text).toBe('ReadWriteDocument');
  });

  it('lists children in the order the schema requires', () => {
    for (const element of elements) {
      const order = schemaOrder[key(element)];
      if (!order) continue;
      const positions = element.children.map((c) => {
        const at = order.indexOf(c.name);
        expect(at, `<${c.name}> is not allowed in <${key(element)}>`).toBeGreaterThanOrEqual(0);
        return at;
      });
      expect(positions, `children of <${key(element)}>: ${element.children.map((c) => c.name).join(', ')}`).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('uses https for every URL', () => {
    const urls = [
      ...elements.map((e) => e.attributes.DefaultValue).filter((v): v is string => v !== undefined && /^[a-z]+:\/\//i.test(v)),
      ...elements.filter((e) => e.name === 'AppDomain').map((e) => e.text),
    ];
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url, url).toMatch(/^https:\/\//);
  });

  it('defines every resid it uses, each id unique and at most 32 characters', () => {
    const ids = definedIds.map((e) => e.attributes.id!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length, id).toBeLessThanOrEqual(32);
    const used = elements.map((e) => e.attributes.resid).filter((v): v is string => v !== undefined);
    expect(used.length).toBeGreaterThan(10);
    for (const resid of used) {
      expect(resid.length, resid).toBeLessThanOrEqual(32);
      expect(ids, `resid ${resid} is not defined in <Resources>`).toContain(resid);
    }
    for (const e of allElements(child(resources, 'bt:ShortStrings')))
      if (e.name === 'bt:String') expect(e.attributes.DefaultValue!.length).toBeLessThanOrEqual(125);
    for (const e of allElements(child(resources, 'bt:LongStrings')))
      if (e.name === 'bt:String') expect(e.attributes.DefaultValue!.length).toBeLessThanOrEqual(250);
  });

  it('wires one shared runtime: runtime, function page, function file and task pane all on the same resource', () => {
    const sets = child(child(manifest, 'Requirements'), 'Sets').children;
    expect(sets.find((s) => s.attributes.Name === 'SharedRuntime')?.attributes.MinVersion).toBe('1.1');
    const host = child(child(child(manifest, 'VersionOverrides'), 'Hosts'), 'Host');
    expect(host.attributes['xsi:type']).toBe('Workbook');
    const runtime = child(child(host, 'Runtimes'), 'Runtime');
    expect(runtime.attributes.lifetime).toBe('long');
    const shared = runtime.attributes.resid!;
    const customFunctions = child(host, 'AllFormFactors').children.find((e) => e.attributes['xsi:type'] === 'CustomFunctions')!;
    expect(child(child(customFunctions, 'Page'), 'SourceLocation').attributes.resid).toBe(shared);
    const desktop = child(host, 'DesktopFormFactor');
    expect(child(desktop, 'FunctionFile').attributes.resid).toBe(shared);
    const actions = allElements(desktop).filter((e) => e.name === 'Action' && e.attributes['xsi:type'] === 'ShowTaskpane');
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect(child(action, 'SourceLocation').attributes.resid).toBe(shared);
    const url = definedIds.find((e) => e.attributes.id === shared)!.attributes.DefaultValue!;
    expect(url).toMatch(/\/taskpane\.html$/);
    expect(child(child(manifest, 'DefaultSettings'), 'SourceLocation').attributes.DefaultValue).toBe(url);
  });

  it('declares the BARGAIN namespace and the functions metadata', () => {
    const namespace = elements.find((e) => e.name === 'Namespace')!.attributes.resid!;
    expect(definedIds.find((e) => e.attributes.id === namespace)!.attributes.DefaultValue).toBe('BARGAIN');
    const metadata = elements.find((e) => e.name === 'Metadata')!;
    const metadataUrl = definedIds.find((e) => e.attributes.id === child(metadata, 'SourceLocation').attributes.resid)!.attributes.DefaultValue;
    expect(metadataUrl).toMatch(/\/functions\.json$/);
  });

  it('has a ribbon button on the Home tab that shows the task pane, with 16/20/24/32/40/48/64/80 icons', () => {
    const button = elements.find((e) => e.name === 'Control' && e.attributes['xsi:type'] === 'Button')!;
    expect(child(button, 'Action').attributes['xsi:type']).toBe('ShowTaskpane');
    expect(elements.find((e) => e.name === 'OfficeTab')!.attributes.id).toBe('TabHome');
    const sizes = child(button, 'Icon').children.map((e) => e.attributes.size);
    expect(sizes).toEqual(['16', '20', '24', '32', '40', '48', '64', '80']);
  });

  it('declares the ExcelApi set the code needs unguarded (1.7), within Office LTSC 2024 (at most 1.17)', () => {
    const sets = child(child(manifest, 'Requirements'), 'Sets').children.filter((e) => e.name === 'Set');
    const excel = sets.find((e) => e.attributes.Name === 'ExcelApi');
    expect(excel?.attributes.MinVersion).toBe('1.7');
    expect(sets.find((e) => e.attributes.Name === 'SharedRuntime')?.attributes.MinVersion).toBe('1.1');
  });

  it('every icon it names is a PNG of that size with a transparent background', () => {
    const images = allElements(resources).filter((e) => e.name === 'bt:Image' && e.attributes.id?.startsWith('Icon.'));
    const urls = [
      ...images.map((e) => e.attributes.DefaultValue!),
      child(manifest, 'IconUrl').attributes.DefaultValue!,
      child(manifest, 'HighResolutionIconUrl').attributes.DefaultValue!,
    ];
    for (const url of urls) {
      const size = Number(/icon-(\d+)\.png$/.exec(url)![1]);
      const png = decodePng(readFileSync(new URL(`../../addin/assets/icon-${size}.png`, import.meta.url)));
      expect([png.width, png.height]).toEqual([size, size]);
      for (const [x, y] of [
        [0, 0],
        [size - 1, 0],
        [0, size - 1],
        [size - 1, size - 1],
      ] as const)
        expect(png.alpha(x, y)).toBe(0);
    }
  });
});

describe('the manifest a build emits', () => {
  it('carries the server’s public URL everywhere, and nothing of localhost', () => {
    const built = manifestForUrl(source, publicUrlFromEnv({ ADDIN_PUBLIC_URL: 'https://costing.city.gov/' }));
    expect(built).not.toContain('localhost');
    const tree = parseXml(built);
    const urls = allElements(tree)
      .map((e) => e.attributes.DefaultValue)
      .filter((v): v is string => v !== undefined && v.includes('://'));
    for (const url of urls) expect(url).toMatch(/^https:\/\/costing\.city\.gov\//);
  });

  it('defaults to https://localhost:3000 and refuses a non-https URL', () => {
    expect(publicUrlFromEnv({})).toBe('https://localhost:3000');
    expect(() => publicUrlFromEnv({ ADDIN_PUBLIC_URL: 'http://costing.city.gov' })).toThrow(/must be https/);
    expect(() => publicUrlFromEnv({ ADDIN_PUBLIC_URL: 'not a url' })).toThrow(/is not a URL/);
  });
});
