import { useEffect, useMemo, useState } from 'react';
import { changeSummary, spanLabel } from '../../../../shared/network';
import { saveFile } from '../../../platform';
import { Button, Dialog, Select } from '../../../ui';
import type { NetworkModel } from '../model';
import { ChangeTables } from './ChangeTables';
import { reviewMarkdown, reviewSvg } from './reviewExport';
import { journalYears, spanDays, spanOf } from './spanChoice';
import { useWhatChanged } from './useWhatChanged';

type Model = Pick<NetworkModel, 'status' | 'structure' | 'range' | 'today'>;

/** "Year in review" on the Network page: one click opens the year's story. */
export function YearReviewButton({ model }: { model: Model }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={model.status !== 'ready' || !model.range}>
        Year in review
      </Button>
      {open && <YearReview model={model} onClose={() => setOpen(false)} />}
    </>
  );
}

function YearReview({ model, onClose }: { model: Model; onClose(): void }) {
  const years = useMemo(() => journalYears(model.range, model.today), [model.range, model.today]);
  const [year, setYear] = useState(() => years[0] ?? Number(model.today.slice(0, 4)));
  const picked = spanOf({ kind: 'year', year }, model.today);
  const span = 'span' in picked ? picked.span : null;
  const label = span ? spanLabel(span) : String(year);
  const result = useWhatChanged(model, span ? spanDays(span) : null);
  const changes = result.status === 'ready' ? result.changes : null;
  const svg = useMemo(() => (changes ? reviewSvg(changes, label) : null), [changes, label]);
  const image = useObjectUrl(svg, 'image/svg+xml');
  const [saved, setSaved] = useState('');

  const save = async (kind: 'md' | 'svg') => {
    if (!changes) return;
    const markdown = kind === 'md';
    const result = await saveFile({
      title: markdown ? 'Save the review as Markdown' : 'Save the review as an image',
      suggestedName: `kith-year-in-review-${year}.${kind}`,
      filters: [
        markdown ? { name: 'Markdown', extensions: ['md'] } : { name: 'SVG image', extensions: ['svg'] },
      ],
      mimeType: markdown ? 'text/markdown' : 'image/svg+xml',
      content: markdown ? reviewMarkdown(changes, label) : (svg ?? ''),
    });
    setSaved(result.saved ? `Saved ${result.name}.` : '');
  };

  return (
    <Dialog open onClose={onClose} title="Year in review" size="lg" className="year-review">
      <div className="year-review__controls">
        <Select
          label="Year"
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
        />
        <Button size="sm" onClick={() => void save('md')} disabled={!changes}>
          Download Markdown
        </Button>
        <Button size="sm" onClick={() => void save('svg')} disabled={!changes}>
          Download image (SVG)
        </Button>
        <span role="status" className="muted">
          {saved}
        </span>
      </div>
      {result.status === 'error' ? (
        <p role="alert" className="network-error">
          The review could not be worked out: {result.error}
        </p>
      ) : !changes ? (
        <p className="muted" aria-busy="true">
          Working out your year…
        </p>
      ) : (
        <article className="year-review__story" aria-label={`${label} in your network`}>
          {/* What "Download image" saves; its text alternative is the sentence it opens with. */}
          {image && <img className="year-review__image" src={image} alt={changeSummary(changes, label)} />}
          <ChangeTables changes={changes} />
        </article>
      )}
    </Dialog>
  );
}

/** A blob: URL for `content` while it lasts (the page's Content-Security-Policy allows blob: images). */
function useObjectUrl(content: string | null, type: string): string | null {
  const url = useMemo(
    () => (content === null ? null : URL.createObjectURL(new Blob([content], { type }))),
    [content, type],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}
