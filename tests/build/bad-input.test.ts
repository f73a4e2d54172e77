import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixture } from '../support/fixture-build';

/**
 * Each fixture under tests/fixtures/ is the content folder of a small site with
 * one mistake. The real build must stop and name the file, the field and what
 * was expected.
 */
function expectBuildToFail(fixture: string, file: string, ...messages: (string | RegExp)[]) {
  const build = buildFixture(fixture);
  try {
    expect(build.status, build.output).not.toBe(0);
    expect(build.output).toContain(`tests/fixtures/${fixture}/${file}`);
    for (const message of messages) {
      if (typeof message === 'string') expect(build.output).toContain(message);
      else expect(build.output).toMatch(message);
    }
    expect(existsSync(join(build.outDir, 'pagefind'))).toBe(false);
  } finally {
    build.cleanUp();
  }
}

describe('the build', () => {
  it('succeeds on a valid fixture and indexes its note', () => {
    const build = buildFixture('valid');
    try {
      expect(build.status, build.output).toBe(0);
      expect(build.output).toMatch(/indexed 1 note\b/);
      expect(existsSync(join(build.outDir, 'releases/4.7/index.html'))).toBe(true);
      expect(existsSync(join(build.outDir, 'pagefind/pagefind.js'))).toBe(true);
    } finally {
      build.cleanUp();
    }
  });

  it('stops on an unknown category', () => {
    expectBuildToFail(
      'unknown-category',
      'notes/4.7/live-patching.md',
      'category: "security" is not a category; expected one of: security-features, migration-support',
    );
  });

  it('stops on an unknown architecture', () => {
    expectBuildToFail(
      'unknown-architecture',
      'notes/4.7/live-patching.md',
      'architecture: "riscv" is not an architecture; expected one of: all, x86, x86-intel, arm, arm64',
    );
  });

  it('stops on a missing feature title', () => {
    expectBuildToFail('missing-feature', 'notes/4.7/live-patching.md', 'feature: expected text, got nothing');
  });

  it('stops on a note that does not say whether its feature is on by default', () => {
    expectBuildToFail(
      'missing-enabled-by-default',
      'notes/4.7/rtds.md',
      'enabledByDefault: expected true or false (false when the feature must be built, configured or switched on to be used), got nothing',
    );
  });

  it('stops on an empty feature title', () => {
    expectBuildToFail('empty-feature', 'notes/4.7/live-patching.md', 'feature: expected non-empty text');
  });

  it('stops on an experimental flag that is not a boolean', () => {
    expectBuildToFail(
      'non-boolean-experimental',
      'notes/4.7/live-patching.md',
      'experimental: expected true or false, got "sometimes"',
    );
  });

  it('stops on an experimental flag that contradicts the status', () => {
    expectBuildToFail(
      'experimental-contradicts-status',
      'notes/4.7/live-patching.md',
      'experimental: expected false because status is "tech-preview"',
    );
  });

  it('stops on a malformed release date', () => {
    expectBuildToFail(
      'malformed-date',
      'releases/4.7.md',
      'released: expected a date written as YYYY-MM-DD, like 2016-06-20; got "20 June 2016"',
    );
  });

  it('stops on a note whose release does not exist', () => {
    expectBuildToFail(
      'missing-release',
      'notes/4.7/live-patching.md',
      'field "release" is "4.8", which is no release; expected one of "4.7"',
    );
  });

  it('stops on two notes of one release with the same anchor', () => {
    expectBuildToFail(
      'duplicate-anchor',
      'notes/4.7/livepatch.md',
      'field "anchor" gives the anchor "#live-patching", already used by tests/fixtures/duplicate-anchor/notes/4.7/live-patching.md',
    );
  });

  it('stops on a feature whose anchor is a category anchor', () => {
    expectBuildToFail(
      'anchor-is-category',
      'notes/4.7/migration.md',
      `field "feature" gives the anchor "#migration-support", which is a category's anchor`,
    );
  });

  it('stops on a note filed under another release', () => {
    expectBuildToFail(
      'misfiled-note',
      'notes/4.6.3/live-patching.md',
      'field "release" is "4.7" but the note is filed under content/notes/4.6.3/',
    );
  });

  it('stops on an MDX note that imports a component the notes may not use', () => {
    expectBuildToFail(
      'mdx-missing-component',
      'notes/4.7/live-patching.mdx',
      'tests/fixtures/mdx-missing-component/notes/4.7/live-patching.mdx:13: the import of "../../../../../src/components/Callout.astro" is not allowed: it is not a note component; expected only imports of the note components',
      'tests/fixtures/mdx-missing-component/notes/4.7/live-patching.mdx:15: the component <Callout> is not allowed',
    );
  });

  it('stops on a code block that names no language', () => {
    expectBuildToFail(
      'code-without-language',
      'notes/4.7/live-patching.md',
      'a code block has no language; expected one after the opening fence, like ```shell or ```ini',
    );
  });

  it('stops on a note that shows code without a source to check it against', () => {
    expectBuildToFail(
      'code-without-source',
      'notes/4.7/live-patching.md',
      'field "sources" is empty, but the note shows code; expected a link to the documentation each command was checked against',
    );
  });

  it('stops on an MDX note that shows code without a source', () => {
    expectBuildToFail(
      'mdx-code-without-source',
      'notes/4.7/live-patching.mdx',
      'field "sources" is empty, but the note shows code; expected a link to the documentation each command was checked against',
    );
  });

  it('stops on an xl subcommand the release does not document, with the nearest one', () => {
    expectBuildToFail(
      'unknown-subcommand',
      'notes/4.7/pvusb.md',
      'tests/fixtures/unknown-subcommand/notes/4.7/pvusb.md:19: `xl usbctrl-atach` is no xl subcommand of 4.7.0; did you mean usbctrl-attach?',
    );
  });

  it('stops on an option the subcommand does not document', () => {
    expectBuildToFail(
      'unknown-option',
      'notes/4.7/vcpu-pin.md',
      'tests/fixtures/unknown-option/notes/4.7/vcpu-pin.md:20: `xl vcpu-pin --forse 1 0 all 2-3`: `--forse` is no option of xl vcpu-pin in 4.7.0 (it documents -f, --force); did you mean --force?',
    );
  });

  it('stops on an xl.cfg key the release does not document', () => {
    expectBuildToFail(
      'unknown-xl-cfg-key',
      'notes/4.7/soft-reset.md',
      'tests/fixtures/unknown-xl-cfg-key/notes/4.7/soft-reset.md:20: `on_soft_rest` is no xl.cfg key of 4.7.0; did you mean on_soft_reset?',
    );
  });

  it('stops on a boot option the release does not document', () => {
    expectBuildToFail(
      'unknown-boot-option',
      'notes/4.7/credit2.md',
      'tests/fixtures/unknown-boot-option/notes/4.7/credit2.md:19: `credit2_runqeue=socket`: `credit2_runqeue` is no hypervisor boot option of 4.7.0; did you mean credit2_runqueue?',
    );
  });

  it('stops on a Kconfig symbol the release does not define', () => {
    expectBuildToFail(
      'unknown-kconfig-symbol',
      'notes/4.7/live-patching.md',
      'tests/fixtures/unknown-kconfig-symbol/notes/4.7/live-patching.md:19: `CONFIG_LIVEPACH` is no Kconfig symbol of 4.7.0; did you mean CONFIG_LIVEPATCH?',
    );
  });

  it('stops on a command whose documentation the note does not link at the release tag', () => {
    expectBuildToFail(
      'interface-without-source',
      'notes/4.7/pvusb.md',
      'tests/fixtures/interface-without-source/notes/4.7/pvusb.md:19: `xl usb-list` is documented in docs/man/xl.pod.1 at RELEASE-4.7.0 (line 1509), which the note does not link; expected a link to https://github.com/xen-project/xen/blob/RELEASE-4.7.0/docs/man/xl.pod.1',
    );
  });

  it('checks MDX notes the same way', () => {
    expectBuildToFail(
      'mdx-unknown-boot-option',
      'notes/4.7/posted-interrupts.mdx',
      'tests/fixtures/mdx-unknown-boot-option/notes/4.7/posted-interrupts.mdx:19: `iommu=inpost`: `inpost` is no sub-option of iommu in 4.7.0; did you mean intpost?',
    );
  });

  it('stops on a note body with a heading that would break the page outline', () => {
    expectBuildToFail(
      'heading-in-body',
      'notes/4.7/live-patching.md',
      'the body has the heading "A heading a note must not have" at level 2',
    );
  });

  it('stops on a change-log commit whose id is not 40 hex digits, naming the commit', () => {
    expectBuildToFail(
      'changelog-bad-id',
      'changelog/4.6.3.json',
      'commits.0.id: commit #1 ("libxl: Fix NULL pointer due to XSA-178 fix wrong XS nodename"), field "id": expected a commit id of 40 lowercase hex digits',
      'got "8b7a356409"',
    );
  });

  it('stops on a change-log commit in an unknown area, naming the commit', () => {
    expectBuildToFail(
      'changelog-unknown-area',
      'changelog/4.6.3.json',
      'commits.0.area: commit 8b7a356409023f60f80e9f4b00bba16ad56cd77b, field "area": "kernel" is not a change-log area; expected one of: x86, arm, scheduler',
    );
  });

  it('stops on a change-log commit that names an advisory the release has no note for', () => {
    expectBuildToFail(
      'changelog-unknown-advisory',
      'changelog/4.6.3.json',
      'commit 866bea560bdf66a780b4821c0a859bbcad132c34 ("libxl: Make copy of every xs backend in /libxl in _generic_add") names XSA-999, which release 4.6.3 has no note for; expected a note with the anchor "xsa-999"',
    );
  });
});

describe('what a note may contain', () => {
  const allowed = 'expected Markdown, or one of the inline elements <abbr title>, <br>, <kbd>, <sub>, <sup>';

  it('lets the allowed inline elements, links and a chart of literals through', () => {
    const build = buildFixture('allowed-markup');
    try {
      expect(build.status, build.output).toBe(0);
      const page = readFileSync(join(build.outDir, 'releases/4.7/index.html'), 'utf8');
      expect(page).toContain('Press <kbd>Ctrl</kbd>+<kbd>C</kbd> and read the <abbr title="Xen Security Advisory">XSA</abbr>.<br>');
      expect(page).toContain('H<sub>2</sub>O and 2<sup>10</sup>');
      expect(page).toContain('href="mailto:xen-devel@lists.xenproject.org"');
      expect(page).toMatch(/<svg[^>]*aria-labelledby="percpu-rwlock-chart-title/);
    } finally {
      build.cleanUp();
    }
  });

  it('stops on raw HTML that would run code or frame another site, naming each element', () => {
    const file = 'tests/fixtures/raw-html-element/notes/4.7/cdp.md';
    expectBuildToFail(
      'raw-html-element',
      'notes/4.7/cdp.md',
      'the body has 3 problems with what a note may contain',
      `${file}:15: the element <script> is not allowed in a note; ${allowed}`,
      `${file}:17: the element <iframe> is not allowed in a note; ${allowed}`,
      `${file}:19: the element <a> is not allowed in a note; ${allowed}`,
    );
  });

  it('stops on an event handler or a style on an allowed element', () => {
    const file = 'tests/fixtures/raw-html-attribute/notes/4.7/live-patching.md';
    expectBuildToFail(
      'raw-html-attribute',
      'notes/4.7/live-patching.md',
      `${file}:13: the attribute "onclick" on <kbd> is not allowed (no event handlers); expected <kbd> without attributes`,
      `${file}:13: the attribute "style" on <abbr> is not allowed (no inline styles); expected only "title" on <abbr>`,
    );
  });

  it('stops on a Markdown link to a javascript: URL', () => {
    expectBuildToFail(
      'link-javascript',
      'notes/4.7/live-patching.md',
      'tests/fixtures/link-javascript/notes/4.7/live-patching.md:13: a link to "javascript:alert(1)" is not allowed (the javascript: scheme); expected an https:, http:, mailto: address or a path of the site',
    );
  });

  it('stops on an image from another site', () => {
    expectBuildToFail(
      'image-external',
      'notes/4.7/live-patching.md',
      'tests/fixtures/image-external/notes/4.7/live-patching.md:15: an image from "https://evil.example/design.png" is not allowed; expected an image of the site, by its path',
    );
  });

  it('stops on a link reference definition to a data: URL', () => {
    expectBuildToFail(
      'definition-data-url',
      'notes/4.7/live-patching.md',
      'tests/fixtures/definition-data-url/notes/4.7/live-patching.md:15: a link reference definition to "data:text/html,<script>alert(1)</script>" is not allowed (the data: scheme)',
    );
  });

  it('stops on raw HTML in a release file', () => {
    expectBuildToFail(
      'release-raw-html',
      'releases/4.7.md',
      `tests/fixtures/release-raw-html/releases/4.7.md:11: the element <script> is not allowed in a note; ${allowed}`,
    );
  });

  it('stops on an MDX note that imports anything but a note component', () => {
    expectBuildToFail(
      'mdx-import',
      'notes/4.7/live-patching.mdx',
      `tests/fixtures/mdx-import/notes/4.7/live-patching.mdx:13: the import of "node:fs" is not allowed: it is not a note component; expected only imports of the note components, like "import BarChart from '<path to src/components/BarChart.astro>'" (allowed: src/components/BarChart.astro)`,
    );
  });

  it('stops on an MDX note that exports', () => {
    expectBuildToFail(
      'mdx-export',
      'notes/4.7/live-patching.mdx',
      'tests/fixtures/mdx-export/notes/4.7/live-patching.mdx:13: an export is not allowed in an MDX note (its code would run at build time)',
    );
  });

  it('stops on an MDX note with an expression in its text', () => {
    expectBuildToFail(
      'mdx-expression',
      'notes/4.7/live-patching.mdx',
      'tests/fixtures/mdx-expression/notes/4.7/live-patching.mdx:13: the expression {process.env.USER} is not allowed in an MDX note (it would run at build time); expected text, or a comment {/* … */}',
    );
  });

  it('stops on a component attribute that is not a literal', () => {
    expectBuildToFail(
      'mdx-attribute-expression',
      'notes/4.7/live-patching.mdx',
      'tests/fixtures/mdx-attribute-expression/notes/4.7/live-patching.mdx:15: the attribute "title" on <BarChart> holds "globalThis.title", which is not a literal (an MDX note\'s code runs at build time); expected a literal',
    );
  });

  it('stops on raw HTML in an MDX note', () => {
    expectBuildToFail(
      'mdx-raw-html',
      'notes/4.7/live-patching.mdx',
      `tests/fixtures/mdx-raw-html/notes/4.7/live-patching.mdx:15: the element <iframe> is not allowed in a note; ${allowed}`,
    );
  });
});
