import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { englishI18n } from '../test/english';
import { CodePanel, copyText } from './CodePanel';
import { downloadText } from './download';

describe('CodePanel', () => {
  const html = renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n: englishI18n },
      createElement(CodePanel, {
        python: 'print("a < b")',
        javascript: 'console.log(1);',
        fileBase: 'xor_classifier',
      }),
    ),
  );

  test('has two tabs, the Python one selected, controlling one panel', () => {
    const tabs = [...html.matchAll(/<button[^>]*role="tab"[^>]*>([^<]*)<\/button>/g)];
    expect(tabs.map((t) => t[1])).toEqual(['Python · Keras', 'JavaScript · TensorFlow.js']);
    expect(tabs[0]![0]).toContain('aria-selected="true"');
    expect(tabs[0]![0]).toContain('tabindex="0"');
    expect(tabs[1]![0]).toContain('aria-selected="false"');
    expect(tabs[1]![0]).toContain('tabindex="-1"');
    const panel = /<div role="tabpanel" id="([^"]+)" aria-labelledby="([^"]+)"/.exec(html);
    expect(panel).not.toBeNull();
    expect(tabs[0]![0]).toContain(`aria-controls="${panel![1]}"`);
    expect(tabs[0]![0]).toContain(`id="${panel![2]}"`);
    expect(html).toContain('role="tablist" aria-label="Language"');
  });

  test('shows the Python code, escaped, in a pre and code', () => {
    expect(html).toMatch(/<pre[^>]*><code>print\(&quot;a &lt; b&quot;\)<\/code><\/pre>/);
    expect(html).not.toContain('console.log');
  });

  test('has labelled Copy and Download buttons and a live status line', () => {
    expect(html).toContain('aria-label="Copy the Python code">Copy</button>');
    expect(html).toContain(
      'aria-label="Download xor_classifier.py">Download xor_classifier.py</button>',
    );
    expect(html).toContain('role="status" aria-live="polite"');
  });
});

describe('copyText', () => {
  test('writes to the clipboard', async () => {
    const writeText = vi.fn(async () => {});
    expect(await copyText('code', { writeText })).toBe('copied');
    expect(writeText).toHaveBeenCalledWith('code');
  });

  test('says "refused" when the browser denies it or has no clipboard', async () => {
    const writeText = vi.fn(async () => {
      throw new DOMException('Write permission denied.', 'NotAllowedError');
    });
    expect(await copyText('code', { writeText })).toBe('refused');
    expect(await copyText('code', undefined)).toBe('refused');
  });
});

describe('downloadText', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('clicks a link to an object URL of the text, named as asked, and frees the URL', async () => {
    vi.useFakeTimers();
    const link = { href: '', download: '', hidden: false, click: vi.fn(), remove: vi.fn() };
    const doc = { createElement: vi.fn(() => link), body: { append: vi.fn() } };
    let blob: Blob | null = null;
    const urls = {
      createObjectURL: vi.fn((b: Blob) => {
        blob = b;
        return 'blob:1';
      }),
      revokeObjectURL: vi.fn(),
    };
    downloadText(
      'print(1)\n',
      'and_classifier.py',
      'text/x-python',
      doc as unknown as Document,
      urls,
    );
    expect(doc.createElement).toHaveBeenCalledWith('a');
    expect(link).toMatchObject({ href: 'blob:1', download: 'and_classifier.py', hidden: true });
    expect(doc.body.append).toHaveBeenCalledWith(link);
    expect(link.click).toHaveBeenCalledOnce();
    expect(link.remove).toHaveBeenCalledOnce();
    expect(blob!.type).toBe('text/x-python;charset=utf-8');
    expect(await blob!.text()).toBe('print(1)\n');
    expect(urls.revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(urls.revokeObjectURL).toHaveBeenCalledWith('blob:1');
  });
});
