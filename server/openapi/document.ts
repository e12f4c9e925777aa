import { z } from 'zod';
import { scenarioSchema, scheduleSchema } from '../../shared/schemas/scenario.js';
import {
  approveBody,
  changeUserBody,
  createCostModelBody,
  createTokenBody,
  createUnitBody,
  createUserBody,
  publishBody,
  returnBody,
  supersedeBody,
  updateCostModelBody,
} from '../http/requestSchemas.js';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  return json;
}

const problem = { $ref: '#/components/schemas/Problem' };
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: statusText[c] ?? 'error', content: { 'application/problem+json': { schema: problem } } }]));
const statusText: Record<number, string> = {
  400: 'invalid input (errors name each field)',
  401: 'no or unknown bearer token',
  403: 'role or unit scope does not allow this',
  404: 'not found (or not in scope)',
  409: 'state conflict',
  412: 'If-Match is stale',
  413: 'body too large',
  415: 'unsupported media type',
  422: 'the scenario cannot be costed',
  428: 'If-Match required',
  429: 'rate limit reached (Retry-After says when to try again)',
  503: 'busy: too many exports, or costing jobs, at once, or one person already has one running (Retry-After says when to try again)',
  504: 'the export or costing took longer than its timeout and was stopped; nothing was saved',
};
const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
const anyJson = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const queryParam = (name: string, schema: JsonSchema, description: string) => ({ name, in: 'query', required: false, schema, description });

interface Operation {
  summary: string;
  roles: string;
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

function op(o: Operation): JsonSchema {
  return {
    summary: o.summary,
    description: `Roles: ${o.roles}.`,
    ...(o.parameters ? { parameters: o.parameters } : {}),
    ...(o.requestBody ? { requestBody: o.requestBody } : {}),
    responses: { ...o.responses, ...errors(401, 403) },
  };
}

/** The OpenAPI 3.1 document of /api/v1; request and scenario schemas generated from zod. */
export function openApiDocument(): JsonSchema {
  const id = pathParam('id');
  const unitId = pathParam('unitId');
  // Every state change names the revision the caller read.
  const ifMatch = { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bargaining Costing API',
      version: '1.0.0',
      description: 'Salary schedules and the cost-model approval workflow. Errors are application/problem+json.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token (bct_…) or, with OIDC configured, a JWT' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
            },
          },
        },
        Scenario: schemaOf(scenarioSchema),
        Schedule: schemaOf(scheduleSchema),
        CreateCostModel: schemaOf(createCostModelBody),
        UpdateCostModel: schemaOf(updateCostModelBody),
        Approve: schemaOf(approveBody),
        Return: schemaOf(returnBody),
        Supersede: schemaOf(supersedeBody),
        Publish: schemaOf(publishBody),
        CreateUser: schemaOf(createUserBody),
        CreateToken: schemaOf(createTokenBody),
        ChangeUser: schemaOf(changeUserBody),
        CreateUnit: schemaOf(createUnitBody),
      },
    },
    paths: {
      '/me': { get: op({ summary: 'Who am I, and my units', roles: 'all', responses: { 200: anyJson('user and units') } }) },
      '/units': {
        get: op({ summary: 'Units in scope', roles: 'all', responses: { 200: anyJson('units') } }),
        post: op({
          summary: 'Add a unit (optionally with its template parts)',
          roles: 'admin',
          requestBody: json('CreateUnit'),
          responses: { 201: anyJson('the unit'), ...errors(400, 409) },
        }),
      },
      '/units/{unitId}/schedules/current': {
        get: op({
          summary: 'The schedule version in force on a date (ETag; If-None-Match → 304)',
          roles: 'all, in scope',
          parameters: [unitId, queryParam('asOf', { type: 'string', format: 'date' }, 'default: today')],
          responses: { 200: anyJson('{unitId, version, effective, contentHash, schedule}'), 304: { description: 'not modified' }, ...errors(400, 404) },
        }),
      },
      '/units/{unitId}/schedules': {
        get: op({
          summary: 'Schedule versions of a unit',
          roles: 'all, in scope',
          parameters: [unitId],
          responses: { 200: anyJson('versions'), ...errors(404) },
        }),
      },
      '/schedules/changes': {
        get: op({
          summary: 'Schedule versions created after a cursor, in scope',
          roles: 'all',
          parameters: [
            queryParam('since', { type: 'string' }, 'cursor from the last call (0 at first)'),
            queryParam('limit', { type: 'string' }, '1-500, default 100'),
          ],
          responses: { 200: anyJson('{changes, cursor, hasMore}'), ...errors(400) },
        }),
      },
      '/units/{unitId}/schedules/import': {
        post: op({
          summary: 'Import a schedule from JSON, CSV or XLSX; dryRun=true returns the diff only',
          roles: 'admin',
          parameters: [
            unitId,
            queryParam('dryRun', { type: 'string', enum: ['true', 'false'] }, 'preview only'),
            queryParam('effective', { type: 'string', format: 'date' }, 'effective date (required for CSV/XLSX)'),
            queryParam('scheduleId', { type: 'string' }, 'schedule id for CSV/XLSX'),
          ],
          requestBody: {
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Schedule' } },
              'text/csv': { schema: { type: 'string' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
            },
          },
          responses: { 200: anyJson('dry run or unchanged: the diff'), 201: anyJson('new version and the diff'), ...errors(400, 404, 413, 415) },
        }),
      },
      '/units/{unitId}/template': {
        get: op({
          summary: 'A scenario document to start a costing workbook',
          roles: 'analyst, manager, admin; in scope',
          parameters: [unitId],
          responses: { 200: json('Scenario'), ...errors(404) },
        }),
      },
      '/cost-models': {
        get: op({
          summary: 'Cost models in scope (summaries)',
          roles: 'all',
          parameters: [
            queryParam('unitId', { type: 'string' }, 'filter'),
            queryParam('state', { type: 'string', enum: ['draft', 'submitted', 'approved', 'returned'] }, 'filter'),
          ],
          responses: { 200: anyJson('{costModels}') },
        }),
        post: op({
          summary: 'Create a draft',
          roles: 'analyst, in scope',
          requestBody: json('CreateCostModel'),
          responses: { 201: anyJson('the draft, with ETag'), ...errors(400, 404, 503, 504) },
        }),
      },
      '/cost-models/{id}': {
        get: op({
          summary: 'A cost model with its scenario and result (ETag)',
          roles: 'all, in scope',
          parameters: [id],
          responses: { 200: anyJson('the model'), 304: { description: 'not modified' }, ...errors(404, 503, 504) },
        }),
        put: op({
          summary: 'Update a draft or returned model (If-Match required)',
          roles: 'analyst, in scope',
          parameters: [id, ifMatch],
          requestBody: json('UpdateCostModel'),
          responses: { 200: anyJson('the model'), ...errors(400, 404, 409, 412, 428, 503, 504) },
        }),
      },
      '/cost-models/{id}/submit': {
        post: op({
          summary: 'Submit: the server recomputes and stores its result',
          roles: 'analyst, in scope',
          parameters: [id, ifMatch],
          responses: { 200: anyJson('the model'), ...errors(404, 409, 412, 422, 428, 503, 504) },
        }),
      },
      '/cost-models/{id}/approve': {
        post: op({
          summary: 'Approve the revision named by If-Match: recompute, content hash, approver, time (not by anyone who wrote a revision of it)',
          roles: 'manager, in scope',
          parameters: [id, ifMatch],
          requestBody: json('Approve'),
          responses: { 200: anyJson('the model'), ...errors(400, 403, 404, 409, 412, 422, 428, 503, 504) },
        }),
      },
      '/cost-models/{id}/return': {
        post: op({
          summary: 'Return with a comment',
          roles: 'manager, in scope',
          parameters: [id, ifMatch],
          requestBody: json('Return'),
          responses: { 200: anyJson('the model'), ...errors(400, 404, 409, 412, 428) },
        }),
      },
      '/cost-models/{id}/supersede': {
        post: op({
          summary: 'New draft version of an approved model',
          roles: 'analyst, in scope',
          parameters: [id, ifMatch],
          requestBody: json('Supersede'),
          responses: { 201: anyJson('the new draft'), ...errors(404, 409, 412, 428) },
        }),
      },
      '/cost-models/{id}/publish-schedules': {
        post: op({
          summary: 'Publish the schedules an approved settlement creates',
          roles: 'manager, admin; in scope',
          parameters: [id, ifMatch],
          requestBody: json('Publish'),
          responses: { 201: anyJson('published versions'), ...errors(400, 404, 409, 412, 428) },
        }),
      },
      '/cost-models/{id}/workbook.xlsx': {
        get: op({
          summary: 'The audit-ready workbook',
          roles: 'all, in scope',
          parameters: [id],
          responses: {
            200: {
              description: 'XLSX',
              content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } },
            },
            ...errors(404, 503, 504),
          },
        }),
      },
      '/cost-models/{id}/audit': {
        get: op({
          summary: 'Audit events of a model',
          roles: 'manager, admin; in scope',
          parameters: [id],
          responses: { 200: anyJson('{events}'), ...errors(404) },
        }),
      },
      '/audit': { get: op({ summary: 'Audit events in scope, oldest first', roles: 'manager, admin', responses: { 200: anyJson('{events, cursor}') } }) },
      '/users': {
        get: op({ summary: 'Users', roles: 'admin', responses: { 200: anyJson('{users}') } }),
        post: op({ summary: 'Add a user', roles: 'admin', requestBody: json('CreateUser'), responses: { 201: anyJson('the user'), ...errors(400, 409) } }),
      },
      '/users/{id}': {
        patch: op({
          summary: "Change a user's role and/or units",
          roles: 'admin',
          parameters: [id],
          requestBody: json('ChangeUser'),
          responses: { 200: anyJson('the user'), ...errors(400, 404) },
        }),
      },
      '/users/{id}/tokens/{tokenId}': {
        delete: op({
          summary: 'Revoke a token',
          roles: 'admin',
          parameters: [id, pathParam('tokenId')],
          responses: { 204: { description: 'revoked' }, ...errors(404) },
        }),
      },
      '/users/{id}/tokens': {
        get: op({ summary: "A user's tokens (never the secrets)", roles: 'admin', parameters: [id], responses: { 200: anyJson('{tokens}'), ...errors(404) } }),
        post: op({
          summary: 'Create an API token (shown once)',
          roles: 'admin',
          parameters: [id],
          requestBody: json('CreateToken'),
          responses: { 201: anyJson('{token, …}'), ...errors(400, 404) },
        }),
      },
      '/openapi.json': { get: op({ summary: 'This document', roles: 'all', responses: { 200: anyJson('OpenAPI 3.1') } }) },
    },
  };
}
