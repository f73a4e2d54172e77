/**
 * Finds the item of a fixed list whose `key` equals `value`. The schema only
 * lets known values through, so a miss is a programming error and throws.
 * @example lookup(CATEGORIES, 'slug', 'security-features', 'category')
 */
export function lookup<Item, Key extends keyof Item>(
  items: readonly Item[],
  key: Key,
  value: Item[Key],
  what: string,
): Item {
  const item = items.find((candidate) => candidate[key] === value);
  if (!item) throw new Error(`Unknown ${what} "${String(value)}"`);
  return item;
}
