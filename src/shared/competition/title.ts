/**
 * A competition's name with its trade in brackets, for sentences such as a notice's intro — unless
 * the name already names the trade (the bureau's names usually do: 江川市2009年职业技能大赛（车工）),
 * which printed it twice: "（工具钳工）（工具钳工）".
 */
export function nameWithTrade(name: string, tradeName: string): string {
  const n = name.trim();
  const trade = tradeName.trim();
  if (!trade || n.includes(trade)) return n;
  return `${n}（${trade}）`;
}
