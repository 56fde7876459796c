import { z } from 'zod';

/** 工种: general trades (通用工种) and industry-specific ones (行业特有工种). */
export const Trade = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  category: z.enum(['general', 'industry']),
  levels: z.array(z.number().int().min(1).max(5)),
});
export type Trade = z.infer<typeof Trade>;

export const TradeInput = z.object({
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(50),
  category: z.enum(['general', 'industry']).default('general'),
  levels: z.array(z.number().int().min(1).max(5)).min(1).default([5, 4, 3, 2, 1]),
});
