/**
 * What a report PDF is drawn from, read where it is drawn — on an export worker in the server, so
 * the request thread never parses, validates or costs a roster (docs/SERVER.md): a stored model's
 * scenario and result as stored (JSON text), or a POST /reports body as it came (bytes).
 */
import { z } from 'zod';
import { CostingInputError } from '../../shared/issues.js';
import { mappingFromOptions, type DisclosureMappingFile, type ReportOptions } from '../../shared/reports/index.js';
import type { ReportView } from '../../shared/reports/reportDocument.js';
import type { CostingResult } from '../../shared/result.js';
import { parseScenario } from '../../shared/scenario.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import { validScenarioWithin, type CostScenario } from '../services/costModels.js';
import { cannotCost, invalidInput, notFound } from '../services/domainErrors.js';
import { inScope, type Principal } from '../services/principal.js';
import { jsonOf, type BodyText } from './costModelBodies.js';
import { parseInput } from './parseInput.js';

const reportOptions = {
  proposal: z.string().min(1).max(200).optional(),
  against: z.string().min(1).max(200).optional(),
  line: z.union([z.string().max(300), z.array(z.string().max(300)).max(100)], { error: 'must be NAME=LINE text, or a list of them (at most 100)' }).optional(),
  tz: z
    .string()
    .max(64)
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as America/Los_Angeles')
    .optional(),
};
export const reportQuery = z.strictObject(reportOptions);
const reportBody = z.strictObject({ scenario: z.unknown(), ...reportOptions });

export type ReportPdfRequest =
  /** A stored cost model: its scenario and result as stored (a draft's result is null: costed here). */
  | { kind: 'stored'; view: ReportView; scenarioJson: string; resultJson: string | null; options: ReportOptions }
  /** A POST /reports body: {scenario, proposal?, against?, line?, tz?}, checked against the caller's units. */
  | { kind: 'body'; view: ReportView; text: BodyText; principal: Principal; rosterRowLimit: number; generatedAt: string };

/** What a report is drawn from, and the PDF's file name (without .pdf) when the request decides it. */
export interface ReportInputs {
  scenario: Scenario;
  result: CostingResult;
  options: ReportOptions;
  name?: string;
}

export async function reportInputs(request: ReportPdfRequest, cost: CostScenario): Promise<ReportInputs> {
  if (request.kind === 'stored') {
    const parsed = parseScenario(JSON.parse(request.scenarioJson));
    if (!parsed.ok) throw cannotCost('the cost model holds a scenario that no longer validates', parsed.issues);
    const result = request.resultJson !== null ? (JSON.parse(request.resultJson) as CostingResult) : await costed(parsed.value, cost, 'scenario');
    return { scenario: parsed.value, result, options: request.options };
  }
  const body = parseInput(reportBody, jsonOf(request.text) ?? {}, 'body');
  const unitId = (body.scenario as { unit?: { id?: unknown } } | null)?.unit?.id;
  if (typeof unitId !== 'string')
    throw invalidInput('the body is invalid', [
      { path: 'body.scenario.unit.id', message: 'required: the body is {"scenario": <a scenario file, COSTING.md §9>, …}, and its unit.id names the unit' },
    ]);
  if (!inScope(request.principal, unitId)) throw notFound(`no unit ${unitId} in your scope`);
  const scenario = validScenarioWithin(body.scenario, unitId, request.rosterRowLimit);
  const options: ReportOptions = {
    model: { title: 'Working costing (not saved)', state: 'draft' },
    generatedAt: request.generatedAt,
    timeZone: body.tz ?? 'UTC',
    mapping: mappingOf(body.line, 'body'),
    ...(body.proposal !== undefined ? { proposal: body.proposal } : {}),
    ...(body.against !== undefined ? { against: body.against } : {}),
  };
  return { scenario, result: await costed(scenario, cost, 'body.scenario'), options, name: `${unitId}-${request.view}` };
}

async function costed(scenario: Scenario, cost: CostScenario, path: string): Promise<CostingResult> {
  try {
    return await cost(scenario);
  } catch (error) {
    if (error instanceof CostingInputError) throw cannotCost('the scenario cannot be costed as it stands', error.issues);
    if (error instanceof RangeError) throw cannotCost(`the scenario cannot be costed: ${error.message}`, [{ path, message: error.message }]);
    throw error;
  }
}

/** `line=NAME=LINE` options (one or many) as the disclosure's mapping changes. */
export function mappingOf(line: string | string[] | undefined, where: 'query' | 'body'): DisclosureMappingFile {
  const mapping = mappingFromOptions(line === undefined ? [] : Array.isArray(line) ? line : [line]);
  if (!mapping.ok)
    throw invalidInput(
      `the ${where} is invalid`,
      mapping.issues.map((i) => ({ path: i.path.replace('--line', `${where}.line`), message: i.message })),
    );
  return mapping.changes;
}
