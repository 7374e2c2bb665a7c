/** '201 MB', '50 MB', '1.5 MB', '312 KB', '300 bytes': sizes as a file manager shows them (MB = 1,048,576 bytes). */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 10) return `${Math.round(mb).toLocaleString('en-US')} MB`;
  if (mb >= 1) return `${(Math.round(mb * 10) / 10).toLocaleString('en-US')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
  return `${Math.max(0, Math.round(bytes)).toLocaleString('en-US')} bytes`;
}
