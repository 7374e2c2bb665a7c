import { describe, expect, it } from 'vitest';
import { decodeText, decodeWithCharset } from '../../../shared/transfer/decode';
import { fixtureBytes } from './fixtures';

const SAMPLE = 'FN:Zoé Lefèvre — 20 € “Café”\r\n';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    at = 2;
  }
  for (let i = 0; i < text.length; i++) view.setUint16(at + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, and drops the BOM', () => {
    const bytes = new TextEncoder().encode(SAMPLE);
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: 'utf-8', bom: false });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({
      text: SAMPLE,
      encoding: 'utf-8',
      bom: true,
    });
  });

  it('reads UTF-16 little and big endian, with a BOM or recognised by its zero bytes', () => {
    expect(decodeText(utf16(SAMPLE, true, true))).toEqual({ text: SAMPLE, encoding: 'utf-16le', bom: true });
    expect(decodeText(utf16(SAMPLE, false, true))).toEqual({ text: SAMPLE, encoding: 'utf-16be', bom: true });
    expect(decodeText(utf16(SAMPLE, true, false))).toEqual({
      text: SAMPLE,
      encoding: 'utf-16le',
      bom: false,
    });
    expect(decodeText(utf16(SAMPLE, false, false))).toEqual({
      text: SAMPLE,
      encoding: 'utf-16be',
      bom: false,
    });
  });

  it('reads text that is not UTF-8 as windows-1252, including its € and dashes', () => {
    // "Zoé — 20 €" in windows-1252: é=E9, —=97, €=80.
    const bytes = new Uint8Array([0x5a, 0x6f, 0xe9, 0x20, 0x97, 0x20, 0x32, 0x30, 0x20, 0x80]);
    expect(decodeText(bytes)).toEqual({ text: 'Zoé — 20 €', encoding: 'windows-1252', bom: false });
  });

  it('accepts an ArrayBuffer and an empty file', () => {
    expect(decodeText(new TextEncoder().encode('BEGIN:VCARD').buffer as ArrayBuffer).text).toBe(
      'BEGIN:VCARD',
    );
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });

  it('gives the same text for the UTF-8, UTF-16 LE (BOM) and UTF-16 BE (no BOM) fixtures', () => {
    const apple = decodeText(fixtureBytes('apple-contacts.vcf'));
    const apple16 = decodeText(fixtureBytes('apple-contacts-utf16le-bom.vcf'));
    expect(apple16.encoding).toBe('utf-16le');
    expect(apple16.text).toBe(apple.text);
    const google = decodeText(fixtureBytes('google-contacts.vcf'));
    const google16 = decodeText(fixtureBytes('google-contacts-utf16be.vcf'));
    expect(google16.encoding).toBe('utf-16be');
    expect(google16.text).toBe(google.text);
    expect(decodeText(fixtureBytes('latin1.vcf'))).toMatchObject({ encoding: 'windows-1252' });
    expect(decodeText(fixtureBytes('latin1.vcf')).text).toContain('Café crème — merci');
  });
});

describe('decodeWithCharset', () => {
  it('decodes by the named charset, falling back to UTF-8 then windows-1252 for unknown names', () => {
    expect(decodeWithCharset(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]), 'Windows-1252')).toBe(
      'Müller',
    );
    expect(decodeWithCharset(new Uint8Array([0x4d, 0xc3, 0xbc]), 'UTF-8')).toBe('Mü');
    expect(decodeWithCharset(new Uint8Array([0x4d, 0xc3, 0xbc]), 'x-made-up')).toBe('Mü');
    expect(decodeWithCharset(new Uint8Array([0x4d, 0xfc]), 'x-made-up')).toBe('Mü');
  });
});
