interface Props {
  hint?: string | undefined;
  error?: string | undefined;
  hintId: string;
  errorId: string;
}

export function FieldMessages({ hint, error, hintId, errorId }: Props) {
  return (
    <>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </>
  );
}
