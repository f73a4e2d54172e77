import { existsSync } from 'node:fs';
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

  it('stops on an MDX note that imports a component that does not exist', () => {
    expectBuildToFail(
      'mdx-missing-component',
      'notes/4.7/live-patching.mdx',
      "Could not resolve '../../../../../src/components/Callout.astro'",
      'Module not found.',
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
