import { costStoredScenario, intactHere, validScenarioWithin, type CostScenario, type IntactCheck, type StoredCosting } from '../services/costModels.js';
import { invalidInput, malformedJson } from '../services/domainErrors.js';
import type { Request } from 'express';
import { parseInput } from './parseInput.js';
import { parseJson } from '../../shared/scenario.js';
import { createCostModelBody, updateCostModelBody } from './requestSchemas.js';

/**
 * Reading a cost model's body (JSON text up to BODY_LIMIT) and validating its scenario is the
 * server's largest piece of request-thread work: the routes hand it to the costing workers
 * (server/costing), which run these same functions.
 */
export interface ValidDraft {
  unitId: string;
  title: string;
  /** The validated scenario with its defaults applied, as stored. */
  scenarioJson: string;
  rosterRows: number;
}

export interface ValidEdit {
  title?: string | undefined;
  scenarioJson?: string | undefined;
}

/**
 * A body as the request thread read it: its bytes (moved to the worker, not copied), or text.
 * Decoding 2 MB of UTF-8 and copying the text into a worker's message cost the request thread
 * several milliseconds per upload; the bytes' memory is transferred instead.
 */
export type BodyText = string | Uint8Array;

/** A JSON body's value: a syntax error (with its line and column) or a JSON float is the caller's 400. */
export function jsonOf(body: BodyText): unknown {
  const text = typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  // A syntax error says where (line and column); a JSON float in the scenario (`"count": 1.0`) is an
  // error too (COSTING.md §1), which JSON.parse hides.
  const parsed = parseJson(text);
  if (parsed.ok) return parsed.value;
  const syntax = parsed.issues.find((issue) => issue.path === '(document)');
  if (syntax) throw malformedJson(`the request body is ${syntax.message}`);
  throw invalidInput(`JSON floats where whole numbers belong: ${parsed.issues.map((i) => i.path).join(', ')}`, parsed.issues);
}

/** POST /cost-models: the body, its scenario valid for its unit and within the roster limit. */
export function readDraftBody(text: BodyText, rosterRowLimit: number): ValidDraft {
  const body = parseInput(createCostModelBody, jsonOf(text), 'body');
  const scenario = validScenarioWithin(body.scenario, body.unitId, rosterRowLimit);
  return { unitId: body.unitId, title: body.title, scenarioJson: JSON.stringify(scenario), rosterRows: scenario.roster.rows.length };
}

/** PUT /cost-models/:id: a new title and/or scenario for a model of `unitId`. */
export function readEditBody(text: BodyText, unitId: string, rosterRowLimit: number): ValidEdit {
  const body = parseInput(updateCostModelBody, jsonOf(text), 'body');
  return {
    title: body.title,
    scenarioJson: body.scenario === undefined ? undefined : JSON.stringify(validScenarioWithin(body.scenario, unitId, rosterRowLimit)),
  };
}

/** Where the request thread sends this work: the costing workers, or (tests, the CLI) itself. */
export interface ScenarioWork {
  draftBody(text: BodyText, rosterRowLimit: number): Promise<ValidDraft>;
  editBody(text: BodyText, unitId: string, rosterRowLimit: number): Promise<ValidEdit>;
  costStored(scenarioJson: string, withContentHash: boolean): Promise<StoredCosting>;
  /** Whether a stored approved model still hashes to its content hash. */
  intact: IntactCheck;
}

export function inProcessScenarioWork(cost: CostScenario): ScenarioWork {
  return {
    draftBody: (text, limit) => Promise.resolve().then(() => readDraftBody(text, limit)),
    editBody: (text, unitId, limit) => Promise.resolve().then(() => readEditBody(text, unitId, limit)),
    costStored: (json, withHash) => costStoredScenario(json, withHash, cost),
    intact: intactHere,
  };
}

/** The bytes of a JSON body read by express.raw (http/jsonBody.ts), decoded where they are parsed. */
export function jsonBytesOf(req: Request, what = 'the cost model'): Uint8Array {
  if (!Buffer.isBuffer(req.body))
    throw invalidInput(`send ${what} as a JSON body (Content-Type: application/json)`, [{ path: 'body', message: 'required, as application/json' }]);
  return req.body;
}
