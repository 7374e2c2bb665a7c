/** The sidebar's "Network" icon: a person tied to three others, drawn like the other 20px line icons. */
export function NetworkIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="2.6" />
      <circle cx="5" cy="6" r="1.8" />
      <circle cx="19" cy="7" r="1.8" />
      <circle cx="7" cy="19" r="1.8" />
      <path d="M10 10.4 6.4 7.3M14.4 10.9l3-2.6M10.5 14.2l-2.4 3.3M6.6 6.9l10.6.1" />
    </svg>
  );
}
