export { useMarkedMap } from './useMarkedMap';
export { WhatChangedPanel } from './WhatChangedPanel';
export { YearReviewButton } from './YearReview';
