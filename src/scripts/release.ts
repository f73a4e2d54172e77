// What a release page adds to site.ts: filters, copy buttons, searched words marked, the outline's current entry.
import { highlightSearchTerms } from './highlight';
import { markOutline } from './outline';
import './release-page';

void highlightSearchTerms();
markOutline('nav.toc', 'main section, main article');
