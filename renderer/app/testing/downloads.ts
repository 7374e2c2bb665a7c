import { beforeEach, vi } from 'vitest';

export interface Download {
  name: string;
  blob: Blob;
}

/**
 * Catches what the browser build's saveFile downloads (a blob URL clicked as a link), since happy-dom
 * saves nothing: the list fills as the page "downloads". Call at the top of a test file; vitest's
 * restoreAllMocks in afterEach puts the browser functions back.
 */
export function capturedDownloads(): Download[] {
  const downloads: Download[] = [];
  beforeEach(() => {
    downloads.length = 0;
    const blobs = new Map<string, Blob>();
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = `blob:kith/${blobs.size + 1}`;
      blobs.set(url, blob as Blob);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, blob: blobs.get(this.getAttribute('href') ?? '') as Blob });
    });
  });
  return downloads;
}
