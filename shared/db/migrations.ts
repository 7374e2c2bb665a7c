import type { MigrationStrategies } from 'rxdb';
import type { Person } from '../domain/entities';
import type { PersonV0 } from './schemas/history/people-v0';
import type { PersonV1 } from './schemas/history/people-v1';

/**
 * Migrations must be deterministic: every device migrates its own copy, and sync later compares
 * fieldTimes, so a migrated field inherits the stamp of the field it came from instead of "now".
 */
export function migratePersonV0toV1(old: PersonV0): PersonV1 {
  const { email, phone, ...rest } = old;
  const fieldTimes = { ...old.fieldTimes };
  const origin = `${String(old.createdAt).padStart(15, '0')}@migration`;
  fieldTimes.emails = old.fieldTimes.email ?? origin;
  fieldTimes.phones = old.fieldTimes.phone ?? origin;
  fieldTimes.aliases = origin;
  delete fieldTimes.email;
  delete fieldTimes.phone;
  const trimmedEmail = email.trim();
  const trimmedPhone = phone.trim();
  return {
    ...rest,
    aliases: [],
    emails: trimmedEmail ? [trimmedEmail] : [],
    phones: trimmedPhone ? [trimmedPhone] : [],
    fieldTimes,
  };
}

/** v2 adds addresses, birthday and photo, blank and stamped like v1's aliases (no device edited them). */
export function migratePersonV1toV2(old: PersonV1): Person {
  const origin = `${String(old.createdAt).padStart(15, '0')}@migration`;
  return {
    ...old,
    addresses: [],
    birthday: '',
    photo: '',
    fieldTimes: { ...old.fieldTimes, addresses: origin, birthday: origin, photo: origin },
  };
}

export const peopleMigrations: MigrationStrategies = {
  1: (old: PersonV0) => migratePersonV0toV1(old),
  2: (old: PersonV1) => migratePersonV1toV2(old),
};
