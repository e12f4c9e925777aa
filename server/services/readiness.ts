import type { Store } from '../store/store.js';

/** Throws when the database does not answer (GET /readyz). */
export async function databaseAnswers(store: Store): Promise<void> {
  await store.ping();
}
