import { expect } from 'vitest';
import { client } from '../server/support/http.js';
import { sampleScenario } from '../server/support/sampleScenario.js';

/** A model approved through the API, each step sending the ETag it read. */
export async function approvedModel(url: string, tokens: Record<string, string>, title: string): Promise<string> {
  const analyst = client(url, tokens.analyst);
  const created = await analyst('POST', '/cost-models', { unitId: 'A', title, scenario: sampleScenario('A') });
  expect(created.status).toBe(201);
  const submitted = await analyst('POST', `/cost-models/${created.body.id}/submit`, {}, { 'if-match': created.headers.get('etag')! });
  expect(submitted.status).toBe(200);
  const approved = await client(url, tokens.manager)('POST', `/cost-models/${created.body.id}/approve`, {}, { 'if-match': submitted.headers.get('etag')! });
  expect(approved.status).toBe(200);
  return created.body.id as string;
}
