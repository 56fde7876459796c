import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldLabel, issueText } from './field-labels';

describe('field labels', () => {
  it('names fields in Chinese, never by their key ("idNumber: 身份证号校验位错误")', () => {
    expect(issueText('idNumber', '身份证号校验位错误')).toBe('身份证号校验位错误');
    expect(issueText('body.phone', '格式不正确')).toBe('手机号：格式不正确');
    expect(issueText('rows.3.value', '须在 0 到 100 之间')).toBe('第 4 行 分值：须在 0 到 100 之间');
    expect(fieldLabel('parts[1].weight')).toBe('第 2 行 权重');
    expect(fieldLabel('query')).toBe('请求');
  });

  it('never shows a known key raw', () => {
    fc.assert(
      fc.property(fc.constantFrom('idNumber', 'unitId', 'tradeId', 'registrationOpensAt', 'expectedVersion', 'personIds'), fc.string({ minLength: 1 }), (key, message) => {
        expect(issueText(`body.${key}`, message).startsWith(key)).toBe(false);
      }),
    );
  });
});
