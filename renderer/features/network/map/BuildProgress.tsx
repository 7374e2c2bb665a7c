import type { BuildProgress as Progress, BuildStage } from '../model';

/** Each stage in the person's words. */
export const STAGE_NAMES: Record<BuildStage, string> = {
  reading: 'Reading your journal',
  strengths: 'Working out how strong each tie is',
  communities: 'Finding your communities',
  layout: 'Placing people on the map',
};

/**
 * The first build of the network, as it happens: a progress bar (with an accessible name and the
 * stage as its value text) and the stage's name, instead of an empty map that says "0 people".
 */
export function BuildProgress({ progress }: { progress: Progress }) {
  const percent = Math.round(progress.done * 100);
  const stage = STAGE_NAMES[progress.stage];
  return (
    <div className="network-build">
      <div
        className="network-build__bar"
        role="progressbar"
        aria-label="Building your network"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${stage}, ${percent}%`}
      >
        <span className="network-build__fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="network-build__stage">{stage}…</p>
    </div>
  );
}

/**
 * Said while the map shows the picture kept from an earlier opening: when it is from, and that the
 * model is being built afresh (the picture then changes in place). Never shown as current.
 */
export function KeptPicture({ since }: { since: number }) {
  const when = new Date(since).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="network-build" role="status">
      <p className="network-build__stage">
        Showing your map as it was on {when}; bringing it up to date with your journal…
      </p>
    </div>
  );
}
