import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useEncounterDialogs } from '../features/encounters';
import { SyncStatusIndicator } from '../features/sync';
import {
  CommunityIcon,
  JournalIcon,
  KeepInTouchIcon,
  NetworkIcon,
  PeopleIcon,
  PlusIcon,
  SearchIcon,
  SettingsIcon,
  shortcutLabel,
  TransferIcon,
  ViewBoundary,
} from '../ui';
import { paths } from './paths';

interface Props {
  onOpenSwitcher(): void;
}

export function Sidebar({ onOpenSwitcher }: Props) {
  const { newEncounter } = useEncounterDialogs();
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          K
        </span>
        <span className="sidebar__name">Kith</span>
      </div>
      <button
        type="button"
        className="btn btn--primary sidebar__new"
        onClick={() => newEncounter()}
        aria-keyshortcuts="Control+N Meta+N"
      >
        <PlusIcon />
        <span>New encounter</span>
        <kbd className="sidebar__kbd">{shortcutLabel('N')}</kbd>
      </button>
      <button
        type="button"
        className="sidebar__search"
        onClick={onOpenSwitcher}
        aria-keyshortcuts="Control+K Meta+K"
      >
        <SearchIcon />
        <span>Find…</span>
        <kbd className="sidebar__kbd">{shortcutLabel('K')}</kbd>
      </button>
      <nav className="sidebar__nav" aria-label="Main">
        <NavLink href={paths.journal} icon={<JournalIcon />} exact>
          Journal
        </NavLink>
        <NavLink href={paths.people} icon={<PeopleIcon />}>
          People
        </NavLink>
        <NavLink href={paths.communities} icon={<CommunityIcon />}>
          Communities
        </NavLink>
        <NavLink href={paths.network} icon={<NetworkIcon />}>
          Network
        </NavLink>
        <NavLink href={paths.keepInTouch} icon={<KeepInTouchIcon />}>
          Keep in touch
        </NavLink>
        <NavLink href={paths.transfer} icon={<TransferIcon />}>
          Import & export
        </NavLink>
        <NavLink href={paths.settings} icon={<SettingsIcon />}>
          Settings
        </NavLink>
      </nav>
      <ViewBoundary what="the sync status">
        <SyncStatusIndicator />
      </ViewBoundary>
    </aside>
  );
}

function NavLink({
  href,
  icon,
  exact,
  children,
}: {
  href: string;
  icon: ReactNode;
  exact?: boolean;
  children: string;
}) {
  const [location] = useLocation();
  const active = exact ? location === href : location === href || location.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      className={`sidebar__link${active ? ' is-active' : ''}`}
      aria-current={active ? 'page' : undefined}
    >
      {icon}
      <span>{children}</span>
    </Link>
  );
}
