/** Prints a benchmark line: our figure beside its baseline from the same run, and the ratio. */
export function report(name: string, ours: { label: string; value: number; unit: string }, base: { label: string; value: number; unit: string }, goal: string) {
  const ratio = ours.value / base.value;
  console.log(`\n## ${name}`);
  console.log(`  ${ours.label.padEnd(44)} ${ours.value.toFixed(1).padStart(12)} ${ours.unit}`);
  console.log(`  ${base.label.padEnd(44)} ${base.value.toFixed(1).padStart(12)} ${base.unit}`);
  console.log(`  ratio (ours / baseline)                      ${ratio.toFixed(2).padStart(12)}    goal: ${goal}`);
  return ratio;
}

export async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t = performance.now();
  const result = await fn();
  return { ms: performance.now() - t, result };
}
