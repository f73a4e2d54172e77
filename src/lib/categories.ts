import { lookup } from './lookup.ts';

/**
 * The one ordered list of note categories. The schema's enum, the page order,
 * the section titles and the section anchors all derive from it.
 */
export const CATEGORIES = [
  { slug: 'security-features', title: 'Security Features' },
  { slug: 'migration-support', title: 'Migration Support' },
  { slug: 'performance-and-workloads', title: 'Performance and Workloads' },
  { slug: 'usability-improvements', title: 'Usability Improvements' },
  { slug: 'new-hardware-support', title: 'New Hardware Support' },
  { slug: 'drivers-and-devices', title: 'Drivers and Devices' },
  { slug: 'security-fixes', title: 'Security Fixes' },
  { slug: 'upgrade-notes', title: 'Upgrade Notes' },
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
