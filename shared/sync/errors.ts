export const WRONG_PASSPHRASE_MESSAGE =
  'The sync passphrase does not match the one this journal was encrypted with.';

/** What a person can do about a sync problem, offered beside its message. */
export type SyncAction = 'restore-key' | 'finish-change';

/**
 * A passphrase or key problem: sync does not start (or stops), nothing more is written locally or on
 * the server, and it waits for the person (or for the key document to change on the server).
 */
export class SyncPassphraseError extends Error {
  constructor(
    message: string = WRONG_PASSPHRASE_MESSAGE,
    readonly action?: SyncAction,
  ) {
    super(message);
    this.name = 'SyncPassphraseError';
  }
}
