import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { IconButton } from './IconButton';
import { CloseIcon } from './icons';

export interface DialogProps {
  open: boolean;
  onClose(): void;
  title: string;
  /** Optional line under the title, linked as the dialog's description. */
  description?: string;
  children: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}

/**
 * A modal built on the native <dialog> opened with showModal(): the browser makes the rest of the
 * page inert (the focus trap), moves focus inside and turns Escape into `cancel`, which we route
 * to onClose so the parent stays in charge of `open`.
 */
export function Dialog({ open, onClose, title, description, children, size = 'md', className }: DialogProps) {
  if (!open) return null;
  return (
    <OpenDialog onClose={onClose} title={title} description={description} size={size} className={className}>
      {children}
    </OpenDialog>
  );
}

function OpenDialog({ onClose, title, description, children, size, className }: Omit<DialogProps, 'open'>) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (returnFocusTo?.isConnected) returnFocusTo.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={['dialog', `dialog--${size}`, className].filter(Boolean).join(' ')}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
    >
      <header className="dialog__header">
        <div>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {description && (
            <p id={descriptionId} className="dialog__description">
              {description}
            </p>
          )}
        </div>
        <IconButton
          label="Close"
          icon={<CloseIcon />}
          className="dialog__close"
          onClick={() => onCloseRef.current()}
        />
      </header>
      <div className="dialog__body">{children}</div>
    </dialog>
  );
}
