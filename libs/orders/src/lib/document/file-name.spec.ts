import { checkFileName, MAX_FILE_NAME_LENGTH, sanitizeFileName } from './file-name';
import { typeOfKind } from './file-type';

describe('sanitizeFileName', () => {
  it('keeps an ordinary name as it is, Polish and Lithuanian letters included', () => {
    expect(sanitizeFileName('Rama A1 rev.3.pdf')).toBe('Rama A1 rev.3.pdf');
    expect(sanitizeFileName('Łącznik ąčęėįšųūž – wersja 2.dwg')).toBe('Łącznik ąčęėįšųūž – wersja 2.dwg');
  });

  it('composes decomposed letters (NFC), so that the same name is stored the same way', () => {
    expect(sanitizeFileName('Lo\u0301dz\u0301.pdf')).toBe('Lódź.pdf');
  });

  it('keeps only the last path segment, whichever separator the client used', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\jan\\Rysunki\\rama.dwg')).toBe('rama.dwg');
    expect(sanitizeFileName('/tmp/x.pdf')).toBe('x.pdf');
  });

  it('drops control and invisible characters such as a right-to-left override, and makes line breaks spaces', () => {
    expect(sanitizeFileName('invoice\u202Egnp.exe')).toBe('invoicegnp.exe');
    expect(sanitizeFileName('ra\u200Bma\u0000.pdf')).toBe('rama.pdf');
    expect(sanitizeFileName('a\r\nSet-Cookie: x.pdf')).toBe('a Set-Cookie_ x.pdf');
  });

  it('replaces the characters Windows forbids with "_" and collapses whitespace', () => {
    expect(sanitizeFileName('a:b*c?"d"<e>|f.pdf')).toBe('a_b_c__d__e__f.pdf');
    expect(sanitizeFileName('  rama \t  A1\u00a0\u00a0.pdf  ')).toBe('rama A1 .pdf');
  });

  it('drops leading and trailing dots, so that a name is never hidden or a path step', () => {
    expect(sanitizeFileName('.htaccess')).toBe('htaccess');
    expect(sanitizeFileName('rama.pdf.')).toBe('rama.pdf');
    expect(sanitizeFileName('..')).toBeNull();
  });

  it('prefixes the device names Windows will not save', () => {
    expect(sanitizeFileName('CON.pdf')).toBe('_CON.pdf');
    expect(sanitizeFileName('nul')).toBe('_nul');
    expect(sanitizeFileName('console.pdf')).toBe('console.pdf');
  });

  it('answers null when no name is left, or none was given', () => {
    for (const raw of ['', '   ', '\u200B\u202E', '/', undefined, null, 42, ['a.pdf']]) {
      expect(sanitizeFileName(raw)).toBeNull();
    }
  });

  it('cuts a long name to 200 characters, keeping its extension and whole characters', () => {
    const long = sanitizeFileName(`${'a'.repeat(300)}.pdf`)!;
    expect(long).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith('a.pdf')).toBe(true);
    const emoji = sanitizeFileName(`${'😀'.repeat(250)}.png`)!;
    expect(Array.from(emoji)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(emoji.endsWith('😀.png')).toBe(true);
  });
});

describe('checkFileName', () => {
  it('keeps a name whose extension is one of the content type’s, in any case', () => {
    expect(checkFileName('rama.PDF', typeOfKind('pdf'))).toEqual({ ok: true, fileName: 'rama.PDF' });
    expect(checkFileName('photo.jpeg', typeOfKind('jpeg'))).toEqual({ ok: true, fileName: 'photo.jpeg' });
    expect(checkFileName('shaft.stp', typeOfKind('step'))).toEqual({ ok: true, fileName: 'shaft.stp' });
  });

  it('gives a name without an extension the usual one of its content', () => {
    expect(checkFileName('rama', typeOfKind('pdf'))).toEqual({ ok: true, fileName: 'rama.pdf' });
    expect(checkFileName('Rys. 12.3', typeOfKind('dxf'))).toEqual({ ok: true, fileName: 'Rys. 12.3.dxf' });
    const long = checkFileName('a'.repeat(MAX_FILE_NAME_LENGTH), typeOfKind('step'));
    expect(long).toEqual({ ok: true, fileName: `${'a'.repeat(MAX_FILE_NAME_LENGTH - 5)}.step` });
  });

  it('rejects a name that claims another of the accepted types, saying both', () => {
    expect(checkFileName('rama.pdf', typeOfKind('png'))).toEqual({
      ok: false,
      message:
        'The file name says a PDF document (.pdf), but the content is a PNG image: name it .png or upload the right file.',
    });
  });

  it('rejects a name whose extension is of no accepted type, since the file would open as that', () => {
    const check = checkFileName('drawing.html', typeOfKind('pdf'));
    expect(check).toEqual({
      ok: false,
      message: 'The file name ends in .html, but the content is a PDF document: name it .pdf or upload the right file.',
    });
  });
});
