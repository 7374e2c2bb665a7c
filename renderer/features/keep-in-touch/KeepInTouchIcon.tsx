/** A heart with a pulse line: the sidebar's "Keep in touch" (decorative; the link carries the name). */
export function KeepInTouchIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z" />
      <path d="M7.5 12h2.5l1.2-2 1.6 4 1.2-2h2.5" />
    </svg>
  );
}
