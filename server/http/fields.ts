import { z } from 'zod';

/** Text a person typed: trimmed, not empty, bounded, and without NUL (which PostgreSQL cannot store). */
export const plainText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`).refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');
