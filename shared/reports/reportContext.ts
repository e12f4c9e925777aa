/**
 * What a report says about where its figures come from: the unit in words, the cost model (title,
 * version, state), the approval or return, the snapshot, and the page header and footer texts. Every
 * view and every renderer takes these from here.
 */
import type { CostingResult } from '../result.js';
import type { Scenario } from '../schemas/scenario.js';
import { plainDate } from '../provisions/wording.js';
import { dateTimeText } from './reportFormat.js';

export interface ReportContext {
  /** The cost model the costing belongs to (absent for a scenario file costed on the command line). */
  model?: { title: string; version?: number; state: string };
  /** The approver by name ("Morgan Reyes"), not by login id. */
  approval?: { approverName: string; approvedAt: string; contentHash: string; comment?: string };
  returned?: { byName: string; at: string; comment: string };
  /** ISO date-time the report was produced. */
  generatedAt?: string;
  /** IANA time zone the reader works in; times print there. Default UTC. */
  timeZone?: string;
}

export function unitWords(scenario: Scenario): string {
  return scenario.unit.name ? `${scenario.unit.name} (${scenario.unit.id})` : scenario.unit.id;
}

/** "budget" → "Budget"; a proposal's name with its side in words. */
export function proposalWords(proposal: { name: string; side?: string | undefined }): string {
  return proposal.side ? `${proposal.name} (${proposal.side[0]!.toUpperCase()}${proposal.side.slice(1)})` : proposal.name;
}

export function termWords(scenario: Scenario): string {
  return `Term ${plainDate(scenario.term.start)} to ${plainDate(scenario.term.end)}`;
}

function stateWords(state: string): string {
  return state[0]!.toUpperCase() + state.slice(1);
}

/** "FY27 settlement, version 3 (Approved)". */
export function modelWords(ctx: ReportContext): string | undefined {
  const m = ctx.model;
  if (!m) return undefined;
  return `${m.title}${m.version !== undefined ? `, version ${m.version}` : ''} (${stateWords(m.state)})`;
}

/** A banner for anything that is not an approved costing of a cost model. */
export function bannerWords(ctx: ReportContext): string | undefined {
  const m = ctx.model;
  if (!m || m.state === 'approved') return undefined;
  if (m.state === 'returned') return 'RETURNED FOR CHANGES — not approved';
  if (m.state === 'submitted') return 'SUBMITTED FOR APPROVAL — not approved yet';
  if (m.state === 'superseded') return 'SUPERSEDED — see the newer version';
  return 'DRAFT — not approved';
}

/**
 * "Pay periods costed: FY2027 27, FY2028 26, FY2029 26." — a year paid 27 times costs a period more
 * than the next (COSTING.md §2), and a year outside the term none: the figures say why they jump.
 */
export function periodsWords(result: CostingResult): string {
  const counts = Object.entries(result.periodsByFiscalYear);
  const text = counts.map(([fy, n]) => `${fy} ${n === 0 ? 'none (outside the term)' : n}`).join(', ');
  const uneven = new Set(counts.map(([, n]) => n).filter((n) => n > 0)).size > 1;
  return `Pay periods costed: ${text}.${uneven ? ' A year with more pay dates costs more periods of pay.' : ''}`;
}

/** The footnotes every view carries: snapshot, then the approval or return. */
export function provenanceNotes(result: CostingResult, scenario: Scenario, ctx: ReportContext): string[] {
  const s = result.snapshot;
  const zone = ctx.timeZone ?? 'UTC';
  const notes = [
    `Costed from salary schedule ${s.scheduleId} (effective ${plainDate(s.scheduleEffective)}), roster extract of ${plainDate(s.rosterExtractDate)}, assumptions ${s.assumptionsId}. ${termWords(scenario)}. ${periodsWords(result)}`,
  ];
  if (ctx.approval) {
    const a = ctx.approval;
    notes.push(
      `Approved by ${a.approverName} on ${dateTimeText(a.approvedAt, zone)}${a.comment ? ` ("${a.comment}")` : ''}. Content hash (sha256) ${a.contentHash}.`,
    );
  } else if (ctx.returned) {
    const r = ctx.returned;
    notes.push(`Returned for changes by ${r.byName} on ${dateTimeText(r.at, zone)}: "${r.comment}".`);
  } else if (ctx.model) {
    notes.push(`State: ${stateWords(ctx.model.state)} — not approved.`);
  }
  if (ctx.generatedAt) notes.push(`Produced ${dateTimeText(ctx.generatedAt, zone)}.`);
  return notes;
}

/**
 * Page header and footer, each side short enough that the sections never meet: the unit and the
 * model at the top, the state (with a shortened hash) and the page numbers at the bottom. The full
 * hash is in the footnotes.
 */
export function pageTexts(scenario: Scenario, ctx: ReportContext, reportTitle: string): { headerLeft: string; headerRight: string; footerLeft: string } {
  const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const m = ctx.model;
  const state = ctx.approval
    ? `Approved ${dateTimeText(ctx.approval.approvedAt, ctx.timeZone ?? 'UTC').replace(/,[^,]*$/, '')} · sha256 ${ctx.approval.contentHash.slice(0, 12)}…`
    : m
      ? stateWords(m.state)
      : '';
  return {
    headerLeft: clip(`${unitWords(scenario)} — ${reportTitle}`, 70),
    headerRight: clip(m ? `${m.title}${m.version !== undefined ? `, version ${m.version}` : ''}` : '', 50),
    footerLeft: clip(state, 70),
  };
}
