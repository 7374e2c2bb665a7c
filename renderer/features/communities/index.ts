export { CommunitiesPage } from './CommunitiesPage';
export { CommunityPage } from './CommunityPage';
