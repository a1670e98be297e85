import { detectFileType, kindsOfExtension } from './file-type';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR = [0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];

describe('detectFileType', () => {
  it('tells a PDF by its %PDF- header with a version', () => {
    expect(detectFileType(bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n'))).toEqual({
      kind: 'pdf',
      mime: 'application/pdf',
      extension: 'pdf',
    });
    expect(detectFileType(bytes('%PDF-2.0\r\n'))?.kind).toBe('pdf');
  });

  it('rejects a %PDF- header without a version, and a PDF header that does not open the file', () => {
    expect(detectFileType(bytes('%PDF-'))).toBeNull();
    expect(detectFileType(bytes(' %PDF-1.4\n'))).toBeNull();
  });

  it('tells a PNG by its eight-byte signature, and not by a shorter part of it', () => {
    expect(detectFileType(bytes(PNG, IHDR))).toEqual({ kind: 'png', mime: 'image/png', extension: 'png' });
    expect(detectFileType(bytes(PNG.slice(0, 4)))).toBeNull();
  });

  it('tells a JPEG by FF D8 FF', () => {
    expect(detectFileType(bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0'))).toEqual({
      kind: 'jpeg',
      mime: 'image/jpeg',
      extension: 'jpg',
    });
    expect(detectFileType(bytes([0xff, 0xd8]))).toBeNull();
  });

  it('tells DWG drawings from AutoCAD 2000 (AC1015) to 2018 and later (AC1032)', () => {
    for (const version of ['AC1015', 'AC1018', 'AC1021', 'AC1024', 'AC1027', 'AC1032']) {
      expect(detectFileType(bytes(version, [0, 0, 0, 0, 0, 0x0f, 0x01]))).toEqual({
        kind: 'dwg',
        mime: 'image/vnd.dwg',
        extension: 'dwg',
      });
    }
  });

  it('rejects what only looks like a DWG header', () => {
    expect(detectFileType(bytes('AC10'))).toBeNull();
    expect(detectFileType(bytes('AC1O15'))).toBeNull();
    expect(detectFileType(bytes('ac1015'))).toBeNull();
    expect(detectFileType(bytes('AC2.10'))).toBeNull();
  });

  it('tells a STEP file by ISO-10303-21; at its start, after a byte order mark too', () => {
    const step = "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('frame'),'2;1');\n";
    expect(detectFileType(bytes(step))).toEqual({ kind: 'step', mime: 'model/step', extension: 'step' });
    expect(detectFileType(bytes([0xef, 0xbb, 0xbf], step))?.kind).toBe('step');
    expect(detectFileType(bytes('ISO-10303-28\n<?xml'))).toBeNull();
  });

  it('tells an ASCII DXF by group code 0 and SECTION, with padding, blank lines and either line end', () => {
    for (const dxf of ['  0\r\nSECTION\r\n  2\r\nHEADER\r\n', '0\nSECTION\n2\nHEADER\n', '\r\n\t 0\nSECTION\n']) {
      expect(detectFileType(bytes(dxf))).toEqual({ kind: 'dxf', mime: 'image/vnd.dxf', extension: 'dxf' });
    }
  });

  it('rejects text that is not the opening of a DXF', () => {
    expect(detectFileType(bytes('SECTION\n  2\nHEADER\n'))).toBeNull();
    expect(detectFileType(bytes('10\nSECTION\n'))).toBeNull();
    expect(detectFileType(bytes('0\nSECTIONS\n'))).toBeNull();
  });

  it('tells a binary DXF by its sentinel, and not by the text alone', () => {
    expect(detectFileType(bytes('AutoCAD Binary DXF\r\n\x1a\x00', [0, 0, 0x53]))).toEqual({
      kind: 'dxf',
      mime: 'image/vnd.dxf',
      extension: 'dxf',
    });
    expect(detectFileType(bytes('AutoCAD Binary DXF\r\n'))).toBeNull();
  });

  it('rejects everything else: empty, text, HTML, SVG, ZIP, GIF, executables', () => {
    const others = [
      bytes(''),
      bytes('hello, this is a drawing'),
      bytes('<!DOCTYPE html><html><script>alert(1)</script>'),
      bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      bytes('PK\x03\x04\x14\x00'),
      bytes('GIF89a'),
      bytes('MZ\x90\x00'),
      bytes('\x7fELF'),
    ];
    for (const b of others) expect(detectFileType(b)).toBeNull();
  });

  it('reads a Buffer that is a view into a larger one from its own first byte', () => {
    const larger = bytes(PNG, '%PDF-1.4\n');
    expect(detectFileType(larger.subarray(PNG.length))?.kind).toBe('pdf');
    expect(detectFileType(new Uint8Array(bytes(PNG, IHDR)))?.kind).toBe('png');
  });
});

describe('kindsOfExtension', () => {
  it('knows the extensions of each type in any case, and no others', () => {
    expect(kindsOfExtension('JPG')).toEqual(['jpeg']);
    expect(kindsOfExtension('stp')).toEqual(['step']);
    expect(kindsOfExtension('exe')).toEqual([]);
  });
});
