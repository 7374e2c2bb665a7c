/**
 * The part of WebCrypto the sync cipher uses, typed here because shared/ compiles without DOM or
 * node types. The renderer passes globalThis.crypto; node tests pass node:crypto's webcrypto.
 */
export interface CryptoKeyLike {
  readonly type: string;
}

export interface SubtleCryptoLike {
  importKey(
    format: 'raw',
    keyData: Uint8Array<ArrayBuffer>,
    algorithm: 'PBKDF2',
    extractable: false,
    keyUsages: ['deriveBits'],
  ): Promise<CryptoKeyLike>;
  importKey(
    format: 'raw',
    keyData: Uint8Array<ArrayBuffer>,
    algorithm: { name: 'AES-GCM' },
    extractable: false,
    keyUsages: ['encrypt', 'decrypt'],
  ): Promise<CryptoKeyLike>;
  deriveBits(
    algorithm: { name: 'PBKDF2'; salt: Uint8Array<ArrayBuffer>; iterations: number; hash: 'SHA-256' },
    baseKey: CryptoKeyLike,
    length: 256,
  ): Promise<ArrayBuffer>;
  encrypt(
    algorithm: { name: 'AES-GCM'; iv: Uint8Array<ArrayBuffer>; additionalData?: Uint8Array<ArrayBuffer> },
    key: CryptoKeyLike,
    data: Uint8Array<ArrayBuffer>,
  ): Promise<ArrayBuffer>;
  decrypt(
    algorithm: { name: 'AES-GCM'; iv: Uint8Array<ArrayBuffer>; additionalData?: Uint8Array<ArrayBuffer> },
    key: CryptoKeyLike,
    data: Uint8Array<ArrayBuffer>,
  ): Promise<ArrayBuffer>;
}

export interface CryptoLike {
  readonly subtle: SubtleCryptoLike;
  getRandomValues<T extends Uint8Array<ArrayBuffer>>(array: T): T;
}
