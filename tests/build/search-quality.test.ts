import { beforeAll, describe, expect, it } from 'vitest';
import { judgeQueries, nameFigures, qualityFigures, readQueryCases, type JudgedQuery } from '../support/search-quality';
import { builtPages } from '../support/site';

const cases = readQueryCases();
let judged: JudgedQuery[];

beforeAll(async () => {
  judged = await judgeQueries(cases);
});

const answerOf = (query: string) => judged.find(({ entry }) => entry.query === query)!.answer;

describe('search quality over the query set', () => {
  it('has at least 120 queries, each expecting a note that exists or a statement', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    const anchors = new Set(
      builtPages().flatMap(({ url, document }) => [...document.querySelectorAll('main [id]')].map((element) => `${url}#${element.id}`)),
    );
    for (const entry of cases) {
      expect(entry.expect === undefined, entry.query).not.toBe(entry.absent === undefined);
      if (entry.expect) expect(anchors, entry.expect).toContain(entry.expect);
    }
    expect(cases.filter((entry) => entry.absent).length).toBeGreaterThanOrEqual(5);
  });

  it('finds the expected note first for at least 97% of the answerable queries', () => {
    const figures = qualityFigures(judged);
    const wrong = figures.misses.filter((miss) => !miss.includes('expected the statement'));
    expect(figures.top1, wrong.join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it('gives, by the notes’ names alone, only first hits that are the expected note', () => {
    const figures = nameFigures(cases);
    expect(figures.wrong).toEqual([]);
    // Most queries a reader types name a feature: those are answered before Pagefind has arrived.
    expect(figures.answered).toBeGreaterThanOrEqual(cases.length / 2);
  });

  it('says first that the notes do not cover each absent identifier', () => {
    const figures = qualityFigures(judged);
    expect(figures.misses.filter((miss) => miss.includes('expected the statement'))).toEqual([]);
    expect(figures.absentRight).toBe(figures.absent);
  });

  it.each([
    ['XSA-178', '/releases/4.6.3/#xsa-178'],
    ['xsa 178', '/releases/4.6.3/#xsa-178'],
    ['XSA178', '/releases/4.6.3/#xsa-178'],
    ['CVE-2016-4480', '/releases/4.6.3/#xsa-176'],
    ['XSA-181', '/releases/4.6.3/#xsa-181'],
    ['CVE-2014-3672', '/releases/4.6.3/#xsa-180'],
    ['4.6.2', '/releases/4.6.3/#no-4-6-2'],
    ['iommu=intpost', '/releases/4.7/#posted-interrupts'],
    ['xl remus', '/releases/4.7/#colo'],
    ['usbctrl', '/releases/4.7/#pvusb'],
    ['LIVEPATCH', '/releases/4.7/#live-patching'],
    ['8b7a356', '/releases/4.6.3/#commit-8b7a356409'],
  ])('finds the Xen token %s exactly', async (query, url) => {
    const [answer] = await judgeQueries([{ query, expect: url }]);
    expect(answer?.answer.statement).toBeUndefined();
    expect(answer?.top[0]).toBe(url);
  });

  it('lists the advisories in their natural order for "xsa"', () => {
    const urls = answerOf('xsa').hits.map((hit) => hit.url).filter((url) => /#xsa-\d+$/.test(url));
    const numbers = urls.map((url) => Number(/(\d+)$/.exec(url)![1]));
    expect(numbers.length).toBeGreaterThanOrEqual(10);
    expect(numbers).toEqual([...numbers].sort((left, right) => left - right));
  });

  it('labels what follows a "not covered" statement as partial matches', () => {
    const answer = answerOf('XSA-179');
    expect(answer.statement).toMatch(/^The Xen 4\.6\.3 notes cover no XSA-179; they cover XSA-154, XSA-155, .* and XSA-181\.$/);
    expect(answer.partial).toBe(true);
    const numbers = answer.hits.map((hit) => /#xsa-(\d+)$/.exec(hit.url)?.[1]).filter(Boolean).map(Number);
    expect(numbers.slice(0, 3)).toEqual([154, 155, 170]);
  });

  it('corrects a mistyped word and leaves a correct one alone', () => {
    expect(answerOf('credti2')).toMatchObject({ corrected: true, searched: 'credit2' });
    expect(answerOf('intropsection')).toMatchObject({ corrected: true, searched: 'introspection' });
    for (const { entry, answer } of judged) {
      if (answer.corrected) expect(answer.searched.toLowerCase(), entry.query).not.toBe(entry.query.toLowerCase());
    }
    expect(answerOf('credit2').corrected).toBe(false);
    expect(answerOf('unintended fallthrough').corrected).toBe(false);
  });
});
