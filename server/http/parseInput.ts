import type { z } from 'zod';
import { issuesFromZod } from '../../shared/schemas/zodMessages.js';
import { invalidInput } from '../services/domainErrors.js';

/** Validates request input with a zod schema; failures become a 400 naming each field and reason. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = issuesFromZod(parsed.error).map((issue) => ({
    path: issue.path === '(document)' ? where : `${where}.${issue.path}`.replace('.[', '['),
    message: issue.message,
  }));
  throw invalidInput(
    `the ${where} is invalid: ${errors
      .map((e) => `${e.path}: ${e.message}`)
      .slice(0, 5)
      .join('; ')}`,
    errors,
  );
}
