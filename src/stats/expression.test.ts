import { describe, expect, it } from 'vitest';
import { evaluate, parseExpression, referencedMeasures } from './expression.ts';

describe('indicator expressions', () => {
  const m = { births: 30, deaths: 12, mean_population: 6000 };
  it.each([
    ['births', 30],
    ['births - deaths', 18],
    ['(births - deaths) / mean_population * 1000', 3],
    ['births - deaths - 3', 15],
    ['births / deaths / 2', 1.25],
    ['-deaths + births', 18],
    ['2 * (births + 0.5)', 61],
  ])('%s = %d', (text, value) => expect(evaluate(parseExpression(text), m)).toBeCloseTo(value, 12));

  it('is null on a missing measure or a division by zero', () => {
    expect(evaluate(parseExpression('births / unknown_thing'), m)).toBeNull();
    expect(evaluate(parseExpression('births / (deaths - 12)'), m)).toBeNull();
  });

  it.each(['births +', '(births', 'births deaths', 'births ^ 2', 'Births'])('refuses %j', (text) => {
    expect(() => parseExpression(text)).toThrow();
  });

  it('names the measures used', () => {
    expect([...referencedMeasures(parseExpression('(births - deaths) / mean_population'))]).toEqual(['births', 'deaths', 'mean_population']);
  });
});
