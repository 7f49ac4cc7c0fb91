/** Why the store file cannot be used; the store turns it into a 'corrupted-store' error naming the backup. */
export class StoreFileError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'StoreFileError';
  }
}
