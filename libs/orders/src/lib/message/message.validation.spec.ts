import { ProblemCollector } from '@kooperant/platform-errors';
import { MAX_MESSAGE_LENGTH, normalizeMessageBody } from './message.validation';

function check(body: unknown): { text: string | null; reasons: string[] } {
  const p = new ProblemCollector();
  const text = normalizeMessageBody(body, p);
  return { text, reasons: p.problems.map((x) => `${x.field}:${x.reason}`) };
}

describe('normalizeMessageBody', () => {
  it('trims the body and keeps inner line breaks and tabs', () => {
    expect(check('  Dzień dobry,\n\tczy termin 12.05 jest realny?  \n')).toEqual({
      text: 'Dzień dobry,\n\tczy termin 12.05 jest realny?',
      reasons: [],
    });
  });

  it.each([[''], ['   '], ['\n\t \r\n'], [null], [undefined], [42]])('requires some text (%j)', (body) => {
    expect(check(body)).toEqual({ text: null, reasons: ['body:REQUIRED'] });
  });

  it('accepts exactly 5000 characters and rejects 5001', () => {
    expect(check('a'.repeat(MAX_MESSAGE_LENGTH)).reasons).toEqual([]);
    expect(check('a'.repeat(MAX_MESSAGE_LENGTH + 1))).toEqual({ text: null, reasons: ['body:TOO_LONG'] });
  });

  it('counts characters as PostgreSQL does: an emoji outside the BMP is one character, not two', () => {
    const emoji = '🔩'.repeat(MAX_MESSAGE_LENGTH);
    expect(emoji.length).toBe(2 * MAX_MESSAGE_LENGTH);
    expect(check(emoji).reasons).toEqual([]);
    expect(check(`${emoji}🔩`).reasons).toEqual(['body:TOO_LONG']);
  });

  it('measures the length after trimming', () => {
    expect(check(`   ${'a'.repeat(MAX_MESSAGE_LENGTH)}   `).reasons).toEqual([]);
  });

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC', '\u001b[31m'],
    ['DEL', '\u007f'],
  ])('rejects a control character (%s)', (_name, c) => {
    expect(check(`Cena ${c} netto`)).toEqual({ text: null, reasons: ['body:INVALID_CHARACTERS'] });
  });
});
