// What a release page adds to site.ts: filters, copy buttons, searched words marked.
import { highlightSearchTerms } from './highlight';
import './release-page';

void highlightSearchTerms();
