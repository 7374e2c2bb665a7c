/**
 * UTF-8 and base64 with the platform's own functions (browsers and node 20 both have TextEncoder,
 * TextDecoder, btoa and atob), typed here because shared/ compiles without DOM or node types.
 */
interface BytesGlobals {
  TextEncoder: new () => { encode(text: string): Uint8Array<ArrayBuffer> };
  TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
  btoa(binary: string): string;
  atob(base64: string): string;
}
const g = globalThis as unknown as BytesGlobals;

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new g.TextEncoder().encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return new g.TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: String.fromCharCode(...bytes) overflows the call stack on a long note.
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return g.btoa(binary);
}

/** Throws on text that is not base64 (a damaged document). */
export function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = g.atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
