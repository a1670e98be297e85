import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('gives a plain ASCII name as it is, twice', () => {
    expect(attachmentDisposition('frame-A1.pdf')).toBe(
      `attachment; filename="frame-A1.pdf"; filename*=UTF-8''frame-A1.pdf`,
    );
  });

  it('percent-encodes UTF-8 in filename* and falls back to letters without accents, or "_"', () => {
    expect(attachmentDisposition('Łącznik ąčė – 2.dwg')).toBe(
      `attachment; filename="_acznik ace _ 2.dwg"; filename*=UTF-8''%C5%81%C4%85cznik%20%C4%85%C4%8D%C4%97%20%E2%80%93%202.dwg`,
    );
  });

  it('escapes what would end or bend the header values: quotes, backslashes, percent signs, apostrophes', () => {
    expect(attachmentDisposition(`a"b\\c%d'e(f)*.pdf`)).toBe(
      `attachment; filename="a_b_c_d'e(f)*.pdf"; filename*=UTF-8''a%22b%5Cc%25d%27e%28f%29%2A.pdf`,
    );
  });

  it('replaces a character outside the Basic Multilingual Plane by one "_"', () => {
    expect(attachmentDisposition('😀.png')).toBe(`attachment; filename="_.png"; filename*=UTF-8''%F0%9F%98%80.png`);
  });
});
