/** Small dense integer ids for content keys, so hot caches can key on numbers and arrays. */
export class KeyIds {
  private readonly ids = new Map<string, number>();

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }

  get size(): number {
    return this.ids.size;
  }
}
