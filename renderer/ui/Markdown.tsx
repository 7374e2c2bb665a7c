import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useContext, useMemo, type MouseEvent } from 'react';
import { openExternal } from '../platform';
import { ToastContext } from './toastContext';

interface Props {
  source: string;
  className?: string;
}

/** Notes are the owner's own text, but may be pasted from anywhere: always sanitise before rendering. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe'],
    FORBID_ATTR: ['style'],
  });
}

/**
 * Rendered, sanitised Markdown. Links never navigate the app window: they go to the system browser
 * through the platform bridge, which refuses anything but https and mailto links.
 */
export function Markdown({ source, className }: Props) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  const toast = useContext(ToastContext);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const anchor = (event.target as Element).closest('a');
    if (!anchor) return;
    event.preventDefault();
    const href = anchor.getAttribute('href') ?? '';
    // The platform decides what may leave the app (https and mailto) and says why it refuses the rest.
    openExternal(href).catch((error: unknown) =>
      toast?.show({ tone: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    // The click handler only intercepts link activation (links are keyboard-focusable themselves).
    <div
      className={['markdown', className].filter(Boolean).join(' ')}
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
