import { z } from 'zod';
import { Name } from './common.js';

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
  code: Name.min(1, '请填写工种代码').max(20),
  name: Name.min(1, '请填写工种名称').max(50),
  category: z.enum(['general', 'industry']).default('general'),
  levels: z.array(z.number().int().min(1).max(5)).min(1).default([5, 4, 3, 2, 1]),
});
