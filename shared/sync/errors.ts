export const WRONG_PASSPHRASE_MESSAGE =
  'The sync passphrase does not match the one this journal was encrypted with.';

/** A passphrase problem: sync does not start, and nothing is written locally or on the server. */
export class SyncPassphraseError extends Error {
  constructor(message: string = WRONG_PASSPHRASE_MESSAGE) {
    super(message);
    this.name = 'SyncPassphraseError';
  }
}
