/**
 * Password strength: zxcvbn's estimate of the guesses needed (common passwords and their
 * variants, keyboard runs, repeats, dates, the user's own name, username or phone). A password a
 * user sets must reach score 3 (about 10⁸ guesses); the reason is one of a few fixed Chinese texts.
 * The dictionaries are loaded on first use, not at start.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const MIN_SCORE = 3;

let estimator: Promise<ZxcvbnFactory> | null = null;

function load(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory: Factory }, common] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
    return new Factory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  })();
  return estimator;
}

const REASONS: [RegExp, string][] = [
  [/^userInputs$/, '密码不能包含用户名、姓名或手机号'],
  [/^(common|topTen|topHundred|similarToCommon|pwned)$/, '这是常见密码或其简单变形，很容易被猜中'],
  [/^(straightRow|keyPattern)$/, '键盘上相邻的按键很容易被猜中'],
  [/^(simpleRepeat|extendedRepeat)$/, '重复的字符很容易被猜中'],
  [/^sequences$/, '连续的字母或数字（如 abc、123）很容易被猜中'],
  [/^(recentYears|dates)$/, '年份和日期很容易被猜中'],
  [/^(wordByItself|namesByThemselves|commonNames)$/, '单个单词或姓名很容易被猜中'],
];
const ADVICE = '请使用更长的密码，例如几个不相关的词加上数字和符号';

/** Null when strong enough; otherwise the reason in Chinese. */
export async function weakPasswordReason(password: string, userInputs: (string | null | undefined)[]): Promise<string | null> {
  const z = await load();
  const inputs = userInputs.filter((s): s is string => !!s && s.length >= 3).flatMap((s) => [s, s.toLowerCase()]);
  const r = z.check(password, inputs);
  if (r.score >= MIN_SCORE) return null;
  const warning = r.feedback.warning ?? '';
  const reason = REASONS.find(([re]) => re.test(warning))?.[1] ?? '密码强度不够，容易被猜中';
  return `${reason}；${ADVICE}`;
}
