import { useCallback, useState, type ReactNode } from 'react';
import { QuickSwitcher } from '../features/switcher';
import { ViewBoundary } from '../ui';
import { PageBoundary } from './PageBoundary';
import { InterruptedWriteNotice } from '../features/transfer';
import { Sidebar } from './Sidebar';
import { useAppShortcuts } from './useAppShortcuts';

export function Layout({ children }: { children: ReactNode }) {
  const [switcherOpen, setSwitcherOpen] = useState(false);
  const openSwitcher = useCallback(() => setSwitcherOpen(true), []);
  const closeSwitcher = useCallback(() => setSwitcherOpen(false), []);
  useAppShortcuts({ openSwitcher });
  return (
    <div className="app">
      <Sidebar onOpenSwitcher={openSwitcher} />
      <main className="app__main" id="main">
        <InterruptedWriteNotice />
        <PageBoundary>{children}</PageBoundary>
      </main>
      <ViewBoundary what="the quick switcher" resetKeys={[switcherOpen]}>
        <QuickSwitcher open={switcherOpen} onClose={closeSwitcher} />
      </ViewBoundary>
    </div>
  );
}
