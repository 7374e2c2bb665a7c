import type { CryptoLike } from './cryptoLike';

/** Tests only: node 20 and browsers both expose WebCrypto as globalThis.crypto. */
export const testCrypto = (globalThis as unknown as { crypto: CryptoLike }).crypto;
