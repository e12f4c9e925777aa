/**
 * A lookup that cannot answer. `invalidValue` shows as #VALUE! (an argument names something that
 * does not exist); `notAvailable` as #N/A (nothing to look in yet: not connected, not costed).
 * The custom-function glue turns it into a CustomFunctions.Error with the same message.
 */
export class LookupError extends Error {
  override readonly name = 'LookupError';
  constructor(
    readonly kind: 'invalidValue' | 'notAvailable',
    message: string,
  ) {
    super(message);
  }
}

/** "A, B, C" — or the first few and a count — for "known: …" hints in error messages. */
export function listForMessage(items: readonly string[], max = 6): string {
  if (items.length === 0) return '(none)';
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
