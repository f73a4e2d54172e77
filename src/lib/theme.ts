/** Where the reader's explicit theme choice is kept. */
export const THEME_STORAGE_KEY = 'xen-notes-theme';

export type Theme = 'light' | 'dark';

/**
 * Runs in <head> before the first paint, so a chosen theme never flashes the
 * other one: it only copies the stored choice onto <html data-theme>.
 */
export const THEME_GUARD = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
