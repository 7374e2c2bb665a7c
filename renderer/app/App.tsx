import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { openBrowserDatabase } from '../db';
import { AppBoundary } from './AppBoundary';
import { AppProviders } from './AppProviders';
import { Layout } from './Layout';
import { AppRoutes } from './routes';

// The router is outermost: dialogs rendered by the providers contain links too.
export function App() {
  return (
    <AppBoundary>
      <Router hook={useHashLocation}>
        <AppProviders open={openBrowserDatabase}>
          <Layout>
            <AppRoutes />
          </Layout>
        </AppProviders>
      </Router>
    </AppBoundary>
  );
}
