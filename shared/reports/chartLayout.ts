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
  /** Legend entries in rows of equal columns; a long name wraps onto `lines` (never over its neighbour), each at most `width` wide. */
  legend: { x: number; y: number; color: string; text: string; lines: string[]; width: number }[];
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

/** Measures a text's width at the chart's font size (the renderer's own metrics where it has them). */
export type TextMeasure = (text: string) => number;

/** Average Helvetica/Arial advance (a little generous) where the renderer gives no metrics. */
export function approximateMeasure(fontSize: number): TextMeasure {
  return (text) => text.length * fontSize * 0.56;
}

/** Words onto lines no wider than `width`; a single word wider than that has a line of its own. */
export function wrapWords(text: string, width: number, measure: TextMeasure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

export interface LegendLayout {
  /** `width`: the room for an entry's text (its column less the colour square). */
  items: { x: number; y: number; lines: string[]; width: number }[];
  height: number;
}

/**
 * The legend under the plot, in rows of equal columns (at most four): the number of columns that
 * makes it shortest (the most of those), names wrapping at their spaces, and never so many that a
 * word does not fit its column; each row is as tall as its longest entry, so entries never overprint.
 */
export function legendLayout(
  names: readonly string[],
  left: number,
  width: number,
  fontSize: number,
  measure: TextMeasure = approximateMeasure(fontSize),
): LegendLayout {
  const swatch = fontSize;
  const lineHeight = fontSize + 2;
  const textWidth = (columns: number) => width / columns - swatch - 4 - 6;
  const most = Math.max(1, Math.min(4, names.length));
  const wrapped = (columns: number) => names.map((n) => wrapWords(n, textWidth(columns), measure));
  const linesTall = (lines: string[][], columns: number) => {
    let total = 0;
    for (let start = 0; start < lines.length; start += columns) total += Math.max(...lines.slice(start, start + columns).map((l) => l.length));
    return total;
  };
  let columns = 1;
  let lines = wrapped(1);
  for (let c = 2; c <= most; c++) {
    const candidate = wrapped(c);
    if (textWidth(c) <= 0 || !candidate.every((l) => l.every((t) => measure(t) <= textWidth(c)))) break;
    if (linesTall(candidate, c) <= linesTall(lines, columns)) {
      columns = c;
      lines = candidate;
    }
  }
  const items: LegendLayout['items'] = [];
  let y = 0;
  for (let start = 0; start < names.length; start += columns) {
    const row = lines.slice(start, start + columns);
    row.forEach((l, i) => items.push({ x: left + i * (width / columns), y, lines: l, width: textWidth(columns) }));
    y += Math.max(...row.map((l) => l.length)) * lineHeight + 4;
  }
  return { items, height: y };
}

export function chartLayout(chart: ReportChart, width: number, height: number, fontSize = 8, measure?: TextMeasure): ChartShapes {
  // Geometry only: the dollar values are drawn to scale, so floats are fine here (labels print from decimals).
  const values = chart.series.flatMap((s) => s.values.map((v) => new Decimal(v).toNumber()));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const step = niceStep(max - min || 1, 5);
  const top = Math.ceil(max / step) * step || step;
  const bottom = Math.floor(min / step) * step;

  const plotLeft = 70;
  const legendShape = legendLayout(
    chart.series.map((s) => s.name),
    plotLeft,
    width - plotLeft,
    fontSize,
    measure,
  );
  const plot = { left: plotLeft, top: fontSize * 2.5, right: width - 10, bottom: height - fontSize * 2 - legendShape.height - 6 };
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
  const legendTop = plot.bottom + fontSize + 10;
  const legend = chart.series.map((s, i) => ({
    x: legendShape.items[i]!.x,
    y: legendTop + legendShape.items[i]!.y,
    color: SERIES_COLORS[i % SERIES_COLORS.length]!,
    text: s.name,
    lines: legendShape.items[i]!.lines,
    width: legendShape.items[i]!.width,
  }));
  return { bars, gridLines, categoryLabels, legend, title: { x: width / 2, y: 0, text: chart.title }, plot };
}
