interface Props {
  error: unknown;
}

/**
 * The journal could not be opened. Say so plainly and suggest what usually helps, because
 * the rest of the app is useless without the database.
 */
export function DatabaseError({ error }: Props) {
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div className="db-screen">
      <div className="db-screen__card" role="alert">
        <h1>Kith could not open your journal</h1>
        <p>
          Your journal is stored on this device. It could not be opened, so nothing has been changed. This can
          happen when another Kith window is upgrading the journal, when the disk is full, or when the browser
          blocks storage for this site (for example in a private window).
        </p>
        <p>Close other Kith windows and try again.</p>
        <pre className="db-screen__detail">{detail}</pre>
        <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
          Try again
        </button>
      </div>
    </div>
  );
}
