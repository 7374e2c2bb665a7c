interface Props {
  /** Nothing is shown while this is empty. */
  message: string | undefined;
  /** Spans the whole form grid. */
  wide?: boolean;
}

/** An error no single field explains (the save failed, a conflict…), announced as it appears. */
export function FormAlert({ message, wide = false }: Props) {
  if (!message) return null;
  return (
    <p role="alert" className={wide ? 'form-alert form-grid__wide' : 'form-alert'}>
      {message}
    </p>
  );
}
