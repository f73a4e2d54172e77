import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { builtPages } from '../support/site';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // A group of checkboxes shares one name, as the search facets do (?architecture=arm&architecture=x86).
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
});

describe('the built HTML', () => {
  it('passes html-validate with zero errors on every page', async () => {
    const failures: string[] = [];
    for (const { url, file } of builtPages()) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages) {
          failures.push(`${url}: ${message.ruleId} at ${message.selector ?? `${message.line}:${message.column}`}: ${message.message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
