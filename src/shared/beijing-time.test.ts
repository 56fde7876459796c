import { describe, expect, it } from 'vitest';
import { beijingTime } from './beijing-time.js';

describe('Beijing time', () => {
  it('shows UTC+8 across the date line', () => {
    expect(beijingTime(new Date('2009-05-15T09:00:00Z'))).toBe('2009-05-15 17:00');
    expect(beijingTime(new Date('2009-05-21T16:30:00Z'))).toBe('2009-05-22 00:30');
  });
});
