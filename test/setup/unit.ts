// Component tests opt into a DOM per file with `// @vitest-environment happy-dom`.
// IndexedDB for database tests comes from fake-indexeddb, passed explicitly to the storage.
export {};
