// What every page starts on the reader's first interaction (see boot.ts).
import { watchForSearch } from './search-bootstrap';
import { setUpThemeToggle } from './theme-toggle';

setUpThemeToggle();
watchForSearch();
