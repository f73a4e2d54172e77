import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { remarkCheckInterface } from '../../src/markdown/interface-rules';

const folder = mkdtempSync(join(tmpdir(), 'interface-rules-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const XL = 'https://github.com/xen-project/xen/blob/RELEASE-4.7.0/docs/man/xl.pod.1';
const note = { release: '4.7', feature: 'PVUSB', sources: [{ title: 'xl.pod.1 at RELEASE-4.7.0', url: `${XL}#L1482` }] };

/**
 * Renders a note as the content layer does: the file on disk has its
 * frontmatter, the processor gets the trimmed body and the file's URL.
 */
async function render(body: string, frontmatter: Record<string, unknown> = note, name = 'note.md') {
  const path = join(folder, name);
  writeFileSync(path, `---\n${stringify(frontmatter)}---\n\n${body}\n`);
  const processor = await createMarkdownProcessor({ gfm: false, remarkPlugins: [remarkGfm, remarkCheckInterface], syntaxHighlight: false });
  return processor.render(body.trim(), { frontmatter, fileURL: pathToFileURL(path) });
}
const shown = relative(process.cwd(), join(folder, 'note.md'));
/** Lines before the body in the file: the frontmatter between its two fences, then a blank line. */
const beforeBody = stringify(note).trimEnd().split('\n').length + 3;

describe('remarkCheckInterface', () => {
  it('lets a documented command through when the note links its documentation', async () => {
    await expect(render('Attach a controller:\n\n```shell\nxl usbctrl-attach 1 version=2\n```')).resolves.toBeDefined();
  });

  it('stops on an unknown subcommand, naming the file, its line and a suggestion', async () => {
    const rendering = render('Attach a controller:\n\n```shell\nxl usb-list 1\nxl usbctrl-atach 1\n```');
    // The second command is the body's fifth line.
    await expect(rendering).rejects.toThrow(`${shown}:${beforeBody + 5}: \`xl usbctrl-atach\` is no xl subcommand of 4.7.0; did you mean usbctrl-attach?`);
  });

  it('lists every problem of a file at once', async () => {
    const rendering = render('```shell\nxl usbctrl-atach 1\n```\n\n```ini\nusbctl = 1\n```');
    await expect(rendering).rejects.toThrow(/has 2 problems:\n.*usbctrl-atach.*\n.*usbctl/);
  });

  it('stops on a command whose documentation the note does not link at the release tag', async () => {
    const elsewhere = { ...note, sources: [{ title: 'xl.pod.1 at RELEASE-4.6.3', url: XL.replace('4.7.0', '4.6.3') }] };
    await expect(render('```shell\nxl usb-list 1\n```', elsewhere)).rejects.toThrow(
      `\`xl usb-list\` is documented in docs/man/xl.pod.1 at RELEASE-4.7.0 (line 1509), which the note does not link; expected a link to ${XL} (or its line, ${XL}#L1509) in "sources" or a footnote`,
    );
  });

  it('accepts the link in a footnote', async () => {
    const unsourced = { release: '4.7', feature: 'PVUSB' };
    await expect(render(`List the devices:[^man]\n\n\`\`\`shell\nxl usb-list 1\n\`\`\`\n\n[^man]: [xl.pod.1](${XL}#L1509)`, unsourced)).resolves.toBeDefined();
  });

  it('stops on a command in a note of a release without interface data', async () => {
    await expect(render('```shell\nxl list\n```', { ...note, release: '4.8' })).rejects.toThrow(
      "`xl list` cannot be checked: release 4.8 has no data of Xen's documented interface; expected src/data/xen-interface/4.8.json",
    );
  });

  it('checks a release body against the release of its version', async () => {
    const release = { version: '4.6.3', summary: 'A release.' };
    await expect(render('```kconfig\nCONFIG_LIVEPATCH=y\n```', release)).rejects.toThrow('`CONFIG_LIVEPATCH` is no Kconfig symbol of 4.6.3: Xen 4.6.3 has no Kconfig');
  });

  it('leaves blocks without Xen commands alone', async () => {
    await expect(render('```shell\ncat /var/log/xen/xl-guest.log\n```', { release: '4.8', feature: 'Logs' })).resolves.toBeDefined();
  });
});
