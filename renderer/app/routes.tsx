import { Route, Switch } from 'wouter';
import { CommunitiesPage, CommunityPage } from '../features/communities';
import { JournalPage } from '../features/journal';
import { NetworkPage } from '../features/network';
import { KeepInTouchPage } from '../features/keep-in-touch';
import { PeoplePage, PersonPage } from '../features/people';
import { SettingsPage } from '../features/settings';
import { TransferPage } from '../features/transfer';
import { NotFound } from './NotFound';

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/" component={JournalPage} />
      <Route path="/people" component={PeoplePage} />
      <Route path="/people/:id">{(params) => <PersonPage id={decodeURIComponent(params.id)} />}</Route>
      <Route path="/communities" component={CommunitiesPage} />
      <Route path="/communities/:id">
        {(params) => <CommunityPage id={decodeURIComponent(params.id)} />}
      </Route>
      <Route path="/keep-in-touch" component={KeepInTouchPage} />
      <Route path="/network" component={NetworkPage} />
      <Route path="/transfer" component={TransferPage} />
      <Route path="/settings" component={SettingsPage} />
      <Route component={NotFound} />
    </Switch>
  );
}
