/** The special-needs part of an intake body, checked at every channel's boundary. */
import { z } from 'zod';
import { safeLines } from '../platform/safe-text.js';
import { ACCOMMODATIONS, DISABILITY_KINDS, type SpecialNeedsStated } from './special-needs.js';

export const SpecialNeedsInput = z
  .object({
    disabled: z.boolean(),
    elderly: z.boolean().default(false),
    kinds: z.array(z.enum(DISABILITY_KINDS)).max(DISABILITY_KINDS.length).default([]),
    accommodations: z.array(z.enum(ACCOMMODATIONS)).max(ACCOMMODATIONS.length).default([]),
    note: safeLines().trim().max(500).optional(),
    consent: z.boolean(),
  })
  .strict() satisfies z.ZodType<SpecialNeedsStated, unknown>;
export type SpecialNeedsInput = z.input<typeof SpecialNeedsInput>;
