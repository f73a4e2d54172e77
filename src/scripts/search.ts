// The search interface, started by search-bootstrap.ts when the reader turns to search.
import { startSearch } from './search-ui';

startSearch();
