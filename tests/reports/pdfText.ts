// Reads a PDF back with PDF.js (a JavaScript parser: no system tool needed): every page's text items
// in reading order, and optionally each page as a PNG in test-results/ for a person to look at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// PDF.js draws the standard 14 fonts (Helvetica…) from these files when it renders a page.
const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export interface PdfText {
  pages: string[][];
  /** Page sizes in points (width, height). */
  sizes: { width: number; height: number }[];
}

export async function pdfText(pdf: Uint8Array): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl }).promise;
  const pages: string[][] = [];
  const sizes: PdfText['sizes'] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    sizes.push({ width: viewport.width, height: viewport.height });
    const content = await page.getTextContent();
    const items = content.items
      .flatMap((item) => ('str' in item && item.str.trim() !== '' ? [{ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number }] : []))
      .sort((a, b) => (Math.abs(a.y - b.y) > 2 ? b.y - a.y : a.x - b.x));
    pages.push(items.map((i) => i.text));
  }
  await doc.destroy();
  return { pages, sizes };
}

/** Renders each page to test-results/reports/<name>-p<N>.png (an artifact, never required). */
export async function pdfPngs(pdf: Uint8Array, name: string): Promise<number> {
  let canvasModule: typeof import('@napi-rs/canvas');
  try {
    canvasModule = await import('@napi-rs/canvas');
  } catch {
    return 0;
  }
  mkdirSync('test-results/reports', { recursive: true });
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, standardFontDataUrl }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1.5 });
    const canvas = canvasModule.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: canvas.getContext('2d') as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    writeFileSync(`test-results/reports/${name}-p${n}.png`, canvas.toBuffer('image/png'));
  }
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

/** Asserts each text appears, in this order, as a whole text item somewhere from the last match on. */
export function missingInOrder(items: readonly string[], expected: readonly string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const text of expected) {
    const found = items.findIndex((item, i) => i >= at && item.trim() === text);
    if (found < 0) missing.push(`${text} (after item ${at}: ${items.slice(at, at + 4).join(' | ')})`);
    else at = found + 1;
  }
  return missing;
}
