/**
 * chartLayout(chart, width, height) → the bar chart as plain shapes (bars, grid lines, labels,
 * legend) in a box of the given size, y down. The PDF draws them as vector paths and the exported
 * workbook's picture of the chart is drawn from the same shapes, so both show the same chart. The
 * series are the fiscal years only: the term total is never a bar.
 */
import { Decimal } from '../money.js';
import type { ReportChart } from './reportDocument.js';
import { moneyText } from './reportFormat.js';

export const SERIES_COLORS = ['#1F4E79', '#C55A11', '#548235', '#7030A0', '#BF8F00', '#2E75B6', '#A5A5A5', '#843C0C'];

export interface ChartShapes {
  bars: { x: number; y: number; w: number; h: number; color: string; series: number; category: number }[];
  /** Horizontal grid lines with their value labels; `zero` marks the axis. */
  gridLines: { y: number; label: string; zero: boolean }[];
  categoryLabels: { x: number; y: number; text: string }[];
  legend: { x: number; y: number; color: string; text: string }[];
  title: { x: number; y: number; text: string };
  plot: { left: number; top: number; right: number; bottom: number };
}

/** A "nice" step (1, 2 or 5 × 10ⁿ) that splits the range into about `ticks` parts. */
function niceStep(range: number, ticks: number): number {
  const raw = range / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

export function chartLayout(chart: ReportChart, width: number, height: number, fontSize = 8): ChartShapes {
  // Geometry only: the dollar values are drawn to scale, so floats are fine here (labels print from decimals).
  const values = chart.series.flatMap((s) => s.values.map((v) => new Decimal(v).toNumber()));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const step = niceStep(max - min || 1, 5);
  const top = Math.ceil(max / step) * step || step;
  const bottom = Math.floor(min / step) * step;

  const legendRows = Math.ceil(chart.series.length / 3);
  const plot = { left: 70, top: fontSize * 2.5, right: width - 10, bottom: height - fontSize * 2 - legendRows * (fontSize + 6) - 6 };
  const yOf = (v: number) => plot.top + ((top - v) / (top - bottom)) * (plot.bottom - plot.top);

  const gridLines: ChartShapes['gridLines'] = [];
  for (let v = bottom; v <= top + step / 2; v += step)
    gridLines.push({ y: yOf(v), label: moneyText(new Decimal(v).toFixed(0), 0), zero: Math.abs(v) < step / 2 });

  const n = chart.categories.length;
  const groupWidth = (plot.right - plot.left) / Math.max(1, n);
  const barWidth = (groupWidth * 0.7) / Math.max(1, chart.series.length);
  const bars: ChartShapes['bars'] = [];
  chart.series.forEach((s, si) =>
    s.values.forEach((v, ci) => {
      const value = new Decimal(v).toNumber();
      const x = plot.left + ci * groupWidth + groupWidth * 0.15 + si * barWidth;
      const y0 = yOf(0);
      const y1 = yOf(value);
      bars.push({
        x,
        y: Math.min(y0, y1),
        w: barWidth * 0.92,
        h: Math.abs(y1 - y0),
        color: SERIES_COLORS[si % SERIES_COLORS.length]!,
        series: si,
        category: ci,
      });
    }),
  );
  const categoryLabels = chart.categories.map((text, ci) => ({ x: plot.left + ci * groupWidth + groupWidth / 2, y: plot.bottom + 4, text }));
  const legendWidth = (width - plot.left) / 3;
  const legend = chart.series.map((s, i) => ({
    x: plot.left + (i % 3) * legendWidth,
    y: plot.bottom + fontSize + 10 + Math.floor(i / 3) * (fontSize + 6),
    color: SERIES_COLORS[i % SERIES_COLORS.length]!,
    text: s.name,
  }));
  return { bars, gridLines, categoryLabels, legend, title: { x: width / 2, y: 0, text: chart.title }, plot };
}
