/** Shown for the moment it takes IndexedDB to open; deliberately quiet (no spinner flash). */
export function DatabaseLoading() {
  return (
    <div className="db-screen" role="status" aria-live="polite">
      <p className="db-screen__quiet">Opening your journal…</p>
    </div>
  );
}
