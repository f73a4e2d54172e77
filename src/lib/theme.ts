/** Where the reader's explicit theme choice is kept. */
export const THEME_STORAGE_KEY = 'xen-notes-theme';

export type Theme = 'light' | 'dark';
