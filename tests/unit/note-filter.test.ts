import { describe, expect, it } from 'vitest';
import { describeShown, matchesNoteFilter, noteFilterParams, parseNoteFilter } from '../../src/lib/note-filter';

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

describe('the count of shown notes', () => {
  it('reads as plain English for every count', () => {
    expect(describeShown(3, 8)).toBe('Showing 3 of 8 notes.');
    expect(describeShown(1, 2)).toBe('Showing 1 of 2 notes.');
    expect(describeShown(4, 4)).toBe('Showing all 4 notes.');
    expect(describeShown(1, 1)).toBe('Showing its one note.');
    expect(describeShown(0, 5)).toBe('No note matches the filters.');
  });
});
