// Managing users over the API keeps someone able to manage them: the last administrator stays one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../server/support/http.js';
import { startSeededTestServer } from '../server/support/testServer.js';

let fixture: Awaited<ReturnType<typeof startSeededTestServer>>;
beforeAll(async () => {
  fixture = await startSeededTestServer();
});
afterAll(() => fixture?.close());

describe('PATCH /users/:id', () => {
  it('refuses to demote the last administrator (409), and demotes one who is not the last', async () => {
    const admin = client(fixture.server.url, fixture.tokens.admin);
    const last = await admin('PATCH', '/users/admin', { role: 'analyst' });
    expect(last.status).toBe(409);
    expect(last.body.detail).toBe('admin is the last administrator: make another user admin first, so someone can still manage users, tokens and schedules');
    expect((await admin('GET', '/me')).body.user.role).toBe('admin');

    expect((await admin('PATCH', '/users/analyst2', { role: 'admin' })).status).toBe(200);
    expect((await admin('PATCH', '/users/admin', { role: 'analyst' })).status).toBe(200);
    const second = client(fixture.server.url, fixture.tokens.analyst2);
    expect((await second('PATCH', '/users/analyst2', { role: 'analyst' })).status).toBe(409);
    expect((await second('PATCH', '/users/admin', { role: 'admin' })).status).toBe(200);
  });
});
