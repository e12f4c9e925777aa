import type { ScenarioInput } from '../../../shared/schemas/scenario.js';
import { ApiError, describeProblem, readProblem } from './problem.js';
import type { Conditional, CostModel, CostModelState, CostModelSummary, Me, ScheduleChanges, ScheduleVersion, Tagged, UnitRef } from './types.js';

import type { ServerConnection } from '../../runtime/connection.js';

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  headers?: Record<string, string>;
  /** What the pane was doing, for the error message: "load your units". */
  doing: string;
}

/** The typed client of docs/API.md (v1). Every failure is an ApiError whose message is in words. */
export class ApiClient {
  constructor(readonly connection: ServerConnection) {}

  private async send(path: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${this.connection.token}`, ...options.headers };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    let response: Response;
    try {
      response = await fetch(`${this.connection.baseUrl}/api/v1${path}`, { method: options.method ?? 'GET', headers, body, cache: 'no-cache' });
    } catch (error) {
      throw new ApiError(
        `Could not ${options.doing}: the server at ${this.connection.baseUrl} did not answer (${(error as Error).message}). Check the address and your network.`,
        0,
        null,
      );
    }
    if (response.status === 304 || response.ok) return response;
    const problem = await readProblem(response);
    throw new ApiError(describeProblem(options.doing, response.status, problem), response.status, problem);
  }

  private async json<T>(path: string, options: RequestOptions): Promise<T> {
    const response = await this.send(path, options);
    return (await response.json()) as T;
  }

  private async tagged<T>(path: string, options: RequestOptions): Promise<Tagged<T>> {
    const response = await this.send(path, options);
    return { value: (await response.json()) as T, etag: response.headers.get('ETag') };
  }

  me(): Promise<Me> {
    return this.json('/me', { doing: 'check who you are on the server' });
  }

  units(): Promise<UnitRef[]> {
    return this.json('/units', { doing: 'list your bargaining units' });
  }

  /** The schedule in force; with an ETag, a 304 answers `{modified: false}`. */
  async currentSchedule(unitId: string, etag?: string | null, asOf?: string): Promise<Conditional<ScheduleVersion>> {
    const query = asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';
    const response = await this.send(`/units/${encodeURIComponent(unitId)}/schedules/current${query}`, {
      doing: `pull the salary schedule of ${unitId}`,
      headers: etag ? { 'If-None-Match': etag } : {},
    });
    if (response.status === 304) return { modified: false };
    return { modified: true, value: (await response.json()) as ScheduleVersion, etag: response.headers.get('ETag') };
  }

  scheduleChanges(since: string | number | null): Promise<ScheduleChanges> {
    const query = since === null ? '' : `?since=${encodeURIComponent(String(since))}`;
    return this.json(`/schedules/changes${query}`, { doing: 'check the server for newer schedules' });
  }

  template(unitId: string): Promise<ScenarioInput> {
    return this.json(`/units/${encodeURIComponent(unitId)}/template`, { doing: `get the costing template of ${unitId}` });
  }

  async listCostModels(filter: { unitId?: string; state?: CostModelState } = {}): Promise<CostModelSummary[]> {
    const params = new URLSearchParams();
    if (filter.unitId) params.set('unitId', filter.unitId);
    if (filter.state) params.set('state', filter.state);
    const text = params.toString();
    const query = text ? `?${text}` : '';
    const body = await this.json<CostModelSummary[] | { costModels?: CostModelSummary[]; items?: CostModelSummary[] }>(`/cost-models${query}`, {
      doing: 'list cost models',
    });
    return Array.isArray(body) ? body : (body.costModels ?? body.items ?? []);
  }

  /** A report of the pane's current costing as a PDF (POST /reports/<view>.pdf), drawn by the server. */
  async reportPdf(view: 'summary' | 'disclosure' | 'reconcile' | 'by-fund' | 'by-department', scenario: ScenarioInput, timeZone: string): Promise<Blob> {
    const response = await this.send(`/reports/${view}.pdf`, {
      method: 'POST',
      body: { scenario, tz: timeZone },
      headers: { Accept: 'application/pdf' },
      doing: `draw the ${view} report`,
    });
    return response.blob();
  }

  createCostModel(unitId: string, title: string, scenario: ScenarioInput): Promise<Tagged<CostModel>> {
    return this.tagged('/cost-models', { method: 'POST', body: { unitId, title, scenario }, doing: `save "${title}" as a draft` });
  }

  getCostModel(id: string): Promise<Tagged<CostModel>> {
    return this.tagged(`/cost-models/${encodeURIComponent(id)}`, { doing: 'load the cost model' });
  }

  updateCostModel(id: string, etag: string | null, change: { title?: string; scenario?: ScenarioInput }): Promise<Tagged<CostModel>> {
    return this.tagged(`/cost-models/${encodeURIComponent(id)}`, {
      method: 'PUT',
      body: change,
      headers: ifMatch(etag),
      doing: 'save your changes to the cost model',
    });
  }

  // Every state change names the revision the user read (If-Match, its ETag): the server refuses one without it (428).
  submit(id: string, etag: string | null): Promise<Tagged<CostModel>> {
    return this.tagged(`/cost-models/${encodeURIComponent(id)}/submit`, {
      method: 'POST',
      body: {},
      headers: ifMatch(etag),
      doing: 'submit the cost model for approval',
    });
  }

  /** An approved model stays as it is; its successor is a new draft version to edit and submit. */
  supersede(id: string, etag: string | null, title?: string): Promise<Tagged<CostModel>> {
    return this.tagged(`/cost-models/${encodeURIComponent(id)}/supersede`, {
      method: 'POST',
      body: title ? { title } : {},
      headers: ifMatch(etag),
      doing: 'start a new version of the approved cost model',
    });
  }

  approve(id: string, etag: string | null, comment: string): Promise<Tagged<CostModel>> {
    return this.tagged(`/cost-models/${encodeURIComponent(id)}/approve`, {
      method: 'POST',
      body: { comment },
      headers: ifMatch(etag),
      doing: 'approve the cost model',
    });
  }

  returnModel(id: string, etag: string | null, comment: string): Promise<Tagged<CostModel>> {
    return this.tagged(`/cost-models/${encodeURIComponent(id)}/return`, {
      method: 'POST',
      body: { comment },
      headers: ifMatch(etag),
      doing: 'return the cost model',
    });
  }
}

function ifMatch(etag: string | null): Record<string, string> {
  return etag ? { 'If-Match': etag } : {};
}
