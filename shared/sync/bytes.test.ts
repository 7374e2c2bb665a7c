import { describe, expect, it } from 'vitest';
import { fromBase64, fromUtf8, toBase64, utf8, utf8Into } from './bytes';

const { btoa } = globalThis as unknown as { btoa(binary: string): string };

/** The plain definition: one char per byte, then the platform's btoa. */
function reference(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

describe('base64 and UTF-8 of sync ciphertexts', () => {
  it('encodes the RFC 4648 examples, every byte value, and a photo-sized ciphertext, and reads them back', () => {
    const every = Uint8Array.from({ length: 256 }, (_, i) => i);
    const large = Uint8Array.from({ length: 70_003 }, (_, i) => (i * 7919) % 256);
    // Long before short: a short one must not carry bytes of the long one before it.
    expect(toBase64(large)).toBe(reference(large));
    expect(fromBase64(toBase64(large))).toEqual(large);
    const rfc = ['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy'];
    rfc.forEach((base64, n) => {
      const bytes = utf8('foobar'.slice(0, n));
      expect(toBase64(bytes)).toBe(base64);
      expect(fromBase64(base64)).toEqual(bytes);
    });
    expect(toBase64(every)).toBe(reference(every));
    expect(fromBase64(toBase64(every))).toEqual(every);
    expect(() => fromBase64('not base64!')).toThrow();
  });

  it('encodes UTF-8 in place as it does into a new buffer, and refuses damaged UTF-8', () => {
    const text = 'Met at the Analytical Society — ünïcödé ✓ 🙂';
    const into = new Uint8Array(100).fill(0xff);
    const written = utf8Into(text, into);
    expect(into.subarray(0, written)).toEqual(utf8(text));
    expect(into[written]).toBe(0xff);
    expect(fromUtf8(utf8(text))).toBe(text);
    expect(() => fromUtf8(Uint8Array.of(0xc3, 0x28))).toThrow();
  });
});
