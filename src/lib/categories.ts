import { lookup } from './lookup.ts';

/**
 * The one ordered list of note categories. The schema's enum, the page order,
 * the section titles and the section anchors all derive from it. `features`
 * says whether its notes are features, with a support status across releases
 * (the support matrix lists those), rather than fixes or advice about a release.
 */
export const CATEGORIES = [
  { slug: 'security-features', title: 'Security Features', features: true },
  { slug: 'migration-support', title: 'Migration Support', features: true },
  { slug: 'performance-and-workloads', title: 'Performance and Workloads', features: true },
  { slug: 'usability-improvements', title: 'Usability Improvements', features: true },
  { slug: 'new-hardware-support', title: 'New Hardware Support', features: true },
  { slug: 'drivers-and-devices', title: 'Drivers and Devices', features: true },
  { slug: 'security-fixes', title: 'Security Fixes', features: false },
  { slug: 'upgrade-notes', title: 'Upgrade Notes', features: false },
] as const;

export type Category = (typeof CATEGORIES)[number];
export type CategorySlug = Category['slug'];

export const CATEGORY_SLUGS = CATEGORIES.map((category) => category.slug) as [
  CategorySlug,
  ...CategorySlug[],
];

/** Looks a category up by slug; the schema guarantees it exists. */
export function getCategory(slug: CategorySlug): Category {
  return lookup(CATEGORIES, 'slug', slug, 'category');
}

/** Position in the display order, for sorting. */
export function categoryRank(slug: CategorySlug): number {
  return CATEGORY_SLUGS.indexOf(slug);
}
