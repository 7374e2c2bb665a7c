/**
 * UTF-8 and base64 with the platform's own functions (browsers and node 20 both have TextEncoder,
 * TextDecoder, btoa and atob), typed here because shared/ compiles without DOM or node types.
 * Every encrypted document goes through here twice (its IV and its ciphertext), so these are on
 * the path of an initial encrypted sync: one encoder and decoder for all calls, and the platform's
 * base64 of bytes where it has one (Chromium since 140, so the app's; node 20 has not).
 */
interface BytesGlobals {
  TextEncoder: new () => {
    encode(text: string): Uint8Array<ArrayBuffer>;
    encodeInto(text: string, into: Uint8Array): { read: number; written: number };
  };
  TextDecoder: new (
    label: string,
    options?: { fatal: boolean },
  ) => { decode(bytes: Uint8Array | Uint16Array): string };
  btoa(binary: string): string;
  atob(base64: string): string;
  Uint8Array: { fromBase64?: (base64: string) => Uint8Array<ArrayBuffer> };
}
const g = globalThis as unknown as BytesGlobals;

const encoder = new g.TextEncoder();
// fatal: a damaged document throws rather than turning into replacement characters. Without the
// `stream` option decode() keeps no state between calls, so one decoder serves them all.
const decoder = new g.TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/** Encodes `text` at the start of `into` (which must be long enough); returns the bytes written. */
export function utf8Into(text: string, into: Uint8Array): number {
  return encoder.encodeInto(text, into).written;
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

type NativeToBase64 = (this: Uint8Array) => string;
const nativeToBase64 = (Uint8Array.prototype as unknown as { toBase64?: NativeToBase64 }).toBase64;

/**
 * Without a native base64 of bytes, the bytes become a "binary string" (one char per byte) for btoa.
 * UTF-16LE decoding of the bytes widened to 16 bits does that in one native call: several times faster
 * than String.fromCharCode over the bytes (spreading a typed array into arguments walks its
 * iterator). Uint16Array is in the platform's byte order, so this is only for little-endian ones.
 */
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf16 = littleEndian ? new g.TextDecoder('utf-16le') : null;
const CHUNK = 0x8000;

/**
 * Reused for every call (decode() copies what it reads before returning): a fresh one per ciphertext
 * was another buffer outside the JS heap for the garbage collector to track and free per document.
 * It only ever holds ciphertext and IVs, which the server sees anyway.
 */
let wide = new Uint16Array(0);
/** A rare large document (a photo) gets a buffer of its own rather than one kept for good. */
const KEEP_WIDE = 0x10000;

function binaryString(bytes: Uint8Array): string {
  if (utf16) {
    if (wide.length < bytes.length && bytes.length <= KEEP_WIDE)
      wide = new Uint16Array(Math.min(Math.max(bytes.length, 2 * wide.length), KEEP_WIDE));
    const view = wide.length >= bytes.length ? wide.subarray(0, bytes.length) : new Uint16Array(bytes.length);
    view.set(bytes);
    return utf16.decode(view);
  }
  let binary = '';
  // Chunked: fromCharCode with a whole long note as arguments overflows the call stack.
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return binary;
}

export function toBase64(bytes: Uint8Array): string {
  if (nativeToBase64) return nativeToBase64.call(bytes);
  return g.btoa(binaryString(bytes));
}

/** Throws on text that is not base64 (a damaged document). */
export function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  if (g.Uint8Array.fromBase64) return g.Uint8Array.fromBase64(base64);
  const binary = g.atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
