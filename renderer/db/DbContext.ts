import { createContext, useContext } from 'react';
import type { KithDatabase } from '../../shared/db';

export const DbContext = createContext<KithDatabase | null>(null);

/** The open journal database. Only components under <DbProvider> may call it. */
export function useDb(): KithDatabase {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb() was called outside <DbProvider>: the database is not open here.');
  return db;
}
