import { describe, expect, it } from 'vitest';
import { matchesNoteFilter, noteFilterParams, parseNoteFilter } from '../../src/lib/note-filter';

describe('release page filters', () => {
  it('read known values from the URL and ignore the rest', () => {
    expect(parseNoteFilter(new URLSearchParams('architecture=arm&experimental=hide'))).toEqual({
      architecture: 'arm',
      experimental: 'hide',
    });
    expect(parseNoteFilter(new URLSearchParams('architecture=riscv&experimental=maybe&q=x'))).toEqual({});
  });

  it('write themselves back, keeping other parameters and dropping unset filters', () => {
    const params = noteFilterParams({ architecture: 'x86' }, new URLSearchParams('highlight=colo&experimental=only'));
    expect(params.toString()).toBe('highlight=colo&architecture=x86');
  });

  it('keep notes for every architecture when filtering by one', () => {
    const all = { architectureFamily: 'all', experimental: false } as const;
    const arm = { architectureFamily: 'arm', experimental: false } as const;
    const x86 = { architectureFamily: 'x86', experimental: true } as const;
    const visible = (filter: Parameters<typeof matchesNoteFilter>[1]) =>
      [all, arm, x86].filter((note) => matchesNoteFilter(note, filter)).map((note) => note.architectureFamily);
    expect(visible({})).toEqual(['all', 'arm', 'x86']);
    expect(visible({ architecture: 'arm' })).toEqual(['all', 'arm']);
    expect(visible({ experimental: 'hide' })).toEqual(['all', 'arm']);
    expect(visible({ experimental: 'only' })).toEqual(['x86']);
    expect(visible({ architecture: 'arm', experimental: 'only' })).toEqual([]);
  });
});
