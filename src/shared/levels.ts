/**
 * 国家职业资格等级: five levels, 5 (初级工) the lowest, 1 (高级技师) the highest.
 * A smaller number is a higher level.
 */
export const LEVELS = [5, 4, 3, 2, 1] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_NAMES: Record<Level, { zh: string; en: string }> = {
  5: { zh: '初级工', en: 'Junior worker (level 5)' },
  4: { zh: '中级工', en: 'Intermediate worker (level 4)' },
  3: { zh: '高级工', en: 'Senior worker (level 3)' },
  2: { zh: '技师', en: 'Technician (level 2)' },
  1: { zh: '高级技师', en: 'Senior technician (level 1)' },
};

export function isLevel(n: unknown): n is Level {
  return typeof n === 'number' && (LEVELS as readonly number[]).includes(n);
}

export function levelFromName(name: string): Level | null {
  const t = name.trim();
  for (const l of LEVELS) if (LEVEL_NAMES[l].zh === t || String(l) === t || `${l}级` === t) return l;
  return null;
}

/** The higher of two levels (null = none held). */
export function higherLevel(a: Level | null, b: Level | null): Level | null {
  if (a == null) return b;
  if (b == null) return a;
  return (Math.min(a, b) as Level);
}
