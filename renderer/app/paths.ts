/** Paths inside the hash: `#/`, `#/people/<id>`… (hash routing works under app:// and any static server). */
export const paths = {
  journal: '/',
  people: '/people',
  person: (id: string) => `/people/${encodeURIComponent(id)}`,
  communities: '/communities',
  community: (id: string) => `/communities/${encodeURIComponent(id)}`,
  settings: '/settings',
  network: '/network',
  keepInTouch: '/keep-in-touch',
  transfer: '/transfer',
} as const;
