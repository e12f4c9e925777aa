import type { z } from 'zod';
import { issuesFromZod } from '../../shared/schemas/zodMessages.js';
import { invalidInput } from '../services/domainErrors.js';

/**
 * A query parameter given more than once (`?unitId=A&unitId=B`) arrives as a list; a field that
 * takes one value would otherwise be told it is "required" or of the wrong kind.
 */
function repeatedInQuery(input: unknown, where: string, path: string): string | null {
  if (where !== 'query' || typeof input !== 'object' || input === null) return null;
  const value = (input as Record<string, unknown>)[path];
  return Array.isArray(value) ? `is given ${value.length} times: give it once` : null;
}

/** Validates request input with a zod schema; failures become a 400 naming each field and reason. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = issuesFromZod(parsed.error).map((issue) => ({
    path: issue.path === '(document)' ? where : `${where}.${issue.path}`.replace('.[', '['),
    message: repeatedInQuery(input, where, issue.path) ?? issue.message,
  }));
  throw invalidInput(
    `the ${where} is invalid: ${errors
      .map((e) => `${e.path}: ${e.message}`)
      .slice(0, 5)
      .join('; ')}`,
    errors,
  );
}
