import { describe, expect, it } from 'vitest';
import { resultContext, resultHeading } from '../../src/lib/search-query';

describe('what a search hit shows', () => {
  it('titles a note by its feature and an interface entry by its label', () => {
    expect(resultHeading({ title: 'Live patching' })).toBe('Live patching');
    expect(resultHeading({ title: '', heading: 'xl usbctrl-attach' })).toBe('xl usbctrl-attach');
    expect(resultHeading({ title: '' })).toBeUndefined();
  });

  it('puts the release beside a note’s category or an entry’s change', () => {
    expect(resultContext({ release: 'Xen 4.7', category: 'Security Features' })).toBe('Xen 4.7 · Security Features');
    expect(resultContext({ release: 'Xen 4.7', context: 'xl subcommands added since 4.6.3' })).toBe('Xen 4.7 · xl subcommands added since 4.6.3');
  });
});
