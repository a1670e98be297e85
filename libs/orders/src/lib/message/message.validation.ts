import type { ProblemCollector } from '@kooperant/platform-errors';

export const MAX_MESSAGE_LENGTH = 5000;

/** C0 control characters other than tab, line feed and carriage return (PostgreSQL rejects NUL in text). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * A message body as it is stored: trimmed, 1 to 5000 characters counted as PostgreSQL counts them (code points, so
 * an emoji is one), no control characters but tab and line breaks. Adds a problem on `body` and returns null otherwise.
 */
export function normalizeMessageBody(body: unknown, p: ProblemCollector): string | null {
  const text = typeof body === 'string' ? body.trim() : '';
  if (text === '') {
    p.add('body', 'REQUIRED', 'Write a message.');
    return null;
  }
  if ([...text].length > MAX_MESSAGE_LENGTH) {
    p.add('body', 'TOO_LONG', `At most ${MAX_MESSAGE_LENGTH} characters.`);
    return null;
  }
  if (CONTROL.test(text)) {
    p.add('body', 'INVALID_CHARACTERS', 'Remove control characters from the message.');
    return null;
  }
  return text;
}
