import type { Store } from '../store/store.js';

/** Which database answers (GET /readyz); throws when it does not. */
export async function databaseAnswers(store: Store): Promise<Store['kind']> {
  await store.ping();
  return store.kind;
}
