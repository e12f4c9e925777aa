/**
 * chartPng(chart, width, height) → a PNG of the report's bar chart, drawn from the same shapes as
 * the PDF's vector chart (shared/reports/chartLayout.ts). ExcelJS cannot write native charts
 * (https://github.com/exceljs/exceljs/issues/141), so the exported workbook carries this picture;
 * the add-in writes a native Excel chart instead. @napi-rs/canvas is loaded on first use; where its
 * native binary is missing the workbook simply goes without the picture (null).
 */
import type { ReportChart } from '../../shared/reports/reportDocument.js';
import { chartLayout } from '../../shared/reports/chartLayout.js';

export async function chartPng(chart: ReportChart, width: number, height: number): Promise<Buffer | null> {
  let canvasModule: typeof import('@napi-rs/canvas');
  try {
    canvasModule = await import('@napi-rs/canvas');
  } catch {
    return null;
  }
  const scale = 2; // drawn at twice the size, so the picture stays sharp when printed
  const canvas = canvasModule.createCanvas(width * scale, height * scale);
  const g = canvas.getContext('2d');
  g.scale(scale, scale);
  g.fillStyle = '#FFFFFF';
  g.fillRect(0, 0, width, height);
  g.font = '10px sans-serif';
  const shapes = chartLayout(chart, width, height, 11, (text) => g.measureText(text).width);
  g.textBaseline = 'top';
  g.fillStyle = '#000000';
  g.font = 'bold 13px sans-serif';
  g.textAlign = 'center';
  g.fillText(shapes.title.text, shapes.title.x, shapes.title.y + 2);
  g.font = '10px sans-serif';
  for (const line of shapes.gridLines) {
    g.strokeStyle = line.zero ? '#404040' : '#BFBFBF';
    g.lineWidth = line.zero ? 1.2 : 0.5;
    g.beginPath();
    g.moveTo(shapes.plot.left, line.y);
    g.lineTo(shapes.plot.right, line.y);
    g.stroke();
    g.fillStyle = '#595959';
    g.textAlign = 'right';
    g.fillText(line.label, shapes.plot.left - 4, line.y - 5);
  }
  for (const bar of shapes.bars) {
    g.fillStyle = bar.color;
    g.fillRect(bar.x, bar.y, bar.w, bar.h);
  }
  g.fillStyle = '#000000';
  g.textAlign = 'center';
  for (const label of shapes.categoryLabels) g.fillText(label.text, label.x, label.y);
  g.textAlign = 'left';
  for (const item of shapes.legend) {
    g.fillStyle = item.color;
    g.fillRect(item.x, item.y + 1, 10, 10);
    g.fillStyle = '#000000';
    item.lines.forEach((line, i) => g.fillText(line, item.x + 14, item.y + i * 13));
  }
  return canvas.toBuffer('image/png');
}
