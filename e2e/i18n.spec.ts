import { expect, test, type Page } from '@playwright/test';

/*
 * Korean and English: a browser whose language is Korean starts in Korean, the switch changes
 * every visible text, the choice survives a reload, and a `?lang=` link wins.
 */

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * Names, code and numbers that read the same in both languages. What is left of a text after
 * removing them, if it still holds a Latin word, is English that a Korean page must not show.
 */
const SAME_IN_BOTH = new RegExp(
  [
    String.raw`\b(?:tf|model|plt|np|x|self|keras)\.[\w.]*(?:\([^)]*\))?`,
    String.raw`[\w.-]+\.(?:py|mjs|json|bin|gz)\b`,
    String.raw`\b[\w-]+-ubyte\b`,
    String.raw`\b(?:input_data|and_labels|my_array|hidden_layer_conf|train_images|cmap)\b`,
    String.raw`\b(?:dtype|shape|rank|size|float32|int32|int64|bool|True|False)\b`,
    String.raw`\b(?:ReLU|relu|sigmoid|tanh|softmax|linear|mse|SGD|Adam|RMSprop)\b`,
    String.raw`\b(?:Keras|TensorFlow(?:\.js)?|tfjs|Python|JavaScript|Fashion-MNIST|Training Lab)\b`,
    String.raw`\b(?:WebGL|WebAssembly|wasm|webgl|cpu|CPU|GPU|auto|ms|step|µs)\b`,
    String.raw`\b(?:MLP|SLP|AND|OR|NAND|NOR|XOR|XNOR|Flatten|Dense|English)\b`,
    // Keras's model.summary(): `dense_1 (Dense)`, `(None, 128)`.
    String.raw`\b\w+ \((?:InputLayer|Dense|Flatten)\)|\bNone\b`,
    // The WebGL renderer's own name, e.g. "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device …)".
    String.raw`ANGLE \(.*\)`,
  ].join('|'),
  'g',
);

/** A text with English words in it that are not names or code. */
function hasEnglish(text: string): boolean {
  return /[A-Za-z]{3,}/.test(text.replace(SAME_IN_BOTH, ' '));
}

/**
 * Every visible text of the page, one entry per text node, and the labels a screen reader says
 * (aria-label, title, alt, placeholder). Code and printouts (`pre`, `code`) are left out: they
 * are the same in every language.
 */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const skip = (el: Element | null) => !!el?.closest('pre, code, script, style');
    const shown = (el: Element) => {
      const box = el.closest('select') ?? el;
      return box.checkVisibility({ visibilityProperty: true, opacityProperty: false });
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      if (!text || !parent || skip(parent) || !shown(parent)) continue;
      out.push(text);
    }
    for (const el of document.body.querySelectorAll(
      '[aria-label], [title], [alt], [placeholder]',
    )) {
      // Inside a picture (role="img", e.g. a chart) labels are not read out: the picture's is.
      if (skip(el) || !shown(el) || el.parentElement?.closest('[role="img"]')) continue;
      for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
}

/** Opens every fold, so that what is inside is checked too. */
async function openDetails(page: Page) {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

/**
 * The Korean page against the English one: each Korean text with words in it is Korean, and no
 * English text of the English page is left on the Korean one.
 */
function compare(korean: string[], english: string[]) {
  const notKorean = [...new Set(korean.filter((t) => hasEnglish(t) && !HANGUL.test(t)))];
  const koreanSet = new Set(korean);
  const left = [...new Set(english.filter((t) => hasEnglish(t) && koreanSet.has(t)))];
  // Enough text on both pages for the check to mean something.
  const hangul = korean.filter((t) => HANGUL.test(t)).length;
  return { notKorean, left, hangul, english: english.filter(hasEnglish).length };
}

async function switchTo(page: Page, name: '한국어' | 'English') {
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', name === 'English' ? 'en' : 'ko');
}

test.describe('a Korean browser', () => {
  test.use({ locale: 'ko-KR' });

  test('starts in Korean in every lab', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    const tabs = page.getByRole('navigation', { name: '실습' });
    await expect(tabs.getByRole('button', { name: '논리 게이트' })).toBeVisible();
    await expect(page.getByRole('button', { name: '둘 다 학습' })).toBeVisible();
    await expect(page.getByRole('group', { name: '게이트' })).toBeVisible();
    await expect(page.getByRole('button', { name: '강의 설정으로 되돌리기' })).toBeVisible();
    await expect(page.getByLabel('옵티마이저').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: '여러 시드로 반복' })).toBeVisible();

    await tabs.getByRole('button', { name: '텐서' }).click();
    await expect(page.getByRole('heading', { name: '텐서 만들기' })).toBeVisible();
    await expect(page.getByRole('list', { name: '축' }).getByRole('listitem')).toHaveText([
      /^축 0: 4/,
      /^축 1: 2/,
    ]);
    await expect(page.getByRole('heading', { name: '강의의 질문' })).toBeVisible();

    await tabs.getByRole('button', { name: 'Fashion-MNIST' }).click();
    await expect(page.getByRole('heading', { name: '1. 데이터' })).toBeVisible();
    await expect(page.getByText('후 (float32, 0.0–1.0)')).toBeVisible({ timeout: 30_000 });
    // Class names in Korean; the lecture's printout stays as Python prints it.
    await expect(page.getByRole('list', { name: '처음 25개 학습 이미지' })).toContainText(
      '앵클 부츠',
    );
    await expect(page.getByTestId('data-printout')).toContainText(
      'Train data shape (60000, 28, 28)',
    );
  });

  test('gates: the switch changes every visible text, and back', async ({ page }) => {
    await page.goto('./?lab=gates&gate=XOR&pace=full&m1.epochs=200&m2.epochs=200');
    await page.getByRole('button', { name: '둘 다 학습' }).click();
    await expect(page.getByTestId('phase')).toHaveText('완료', { timeout: 90_000 });
    await expect(page.getByTestId('accuracy').first()).toContainText('정확도');
    await openDetails(page);
    const korean = await visibleTexts(page);

    await switchTo(page, 'English');
    await expect(page.getByTestId('phase')).toHaveText('finished');
    await expect(page.getByRole('button', { name: 'Train both' })).toBeVisible();
    const english = await visibleTexts(page);

    const result = compare(korean, english);
    expect(result.hangul).toBeGreaterThan(60);
    expect(result.english).toBeGreaterThan(60);
    expect(result.notKorean).toEqual([]);
    expect(result.left).toEqual([]);

    await switchTo(page, '한국어');
    expect(await visibleTexts(page)).toEqual(korean);
  });

  test('tensors: the switch changes every visible text', async ({ page }) => {
    await page.goto('./?lab=tensors');
    await page.getByRole('button', { name: '1.7 → int32' }).click();
    await expect(page.getByTestId('cast-changes')).toContainText('1.7 → 1');
    await openDetails(page);
    const korean = await visibleTexts(page);

    await switchTo(page, 'English');
    await expect(page.getByRole('heading', { name: 'Make a tensor' })).toBeVisible();
    const english = await visibleTexts(page);

    const result = compare(korean, english);
    expect(result.hangul).toBeGreaterThan(40);
    expect(result.english).toBeGreaterThan(40);
    expect(result.notKorean).toEqual([]);
    expect(result.left).toEqual([]);

    // A value that does not parse: the parser's message is Korean too.
    await switchTo(page, '한국어');
    await page.getByRole('button', { name: '고르지 않은 배열' }).click();
    const error = page.getByTestId('parse-error');
    await expect(error).toContainText('고르지 않은 배열: 행 [1]에는 원소 1개, 행 [0]에는 2개');
    await switchTo(page, 'English');
    await expect(error).toContainText('row [1] has 1 element, but row [0] has 2');
  });

  test('fashion: the switch changes every visible text after a short run', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('./?lab=fashion&f.n=1000&f.epochs=1&f.val=0.1');
    await expect(page.getByTestId('data-printout')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: '▶ 학습' }).click();
    await expect(page.getByTestId('phase')).toHaveText('완료', { timeout: 150_000 });
    await expect(page.getByRole('heading', { name: '어떤 클래스를 헷갈릴까?' })).toBeVisible();
    await openDetails(page);
    const korean = await visibleTexts(page);

    await switchTo(page, 'English');
    await expect(
      page.getByRole('heading', { name: 'Which classes does it confuse?' }),
    ).toBeVisible();
    const english = await visibleTexts(page);

    const result = compare(korean, english);
    expect(result.hangul).toBeGreaterThan(80);
    expect(result.english).toBeGreaterThan(80);
    expect(result.notKorean).toEqual([]);
    expect(result.left).toEqual([]);
    // Keras's class names in English, their Korean names in Korean.
    expect(english).toContain('Ankle boot');
    expect(korean).toContain('앵클 부츠');
  });

  test('the choice survives a reload, and the link notice follows it', async ({ page }) => {
    await page.goto('./?lab=gates&m1.epochs=999999');
    await expect(page.getByTestId('url-notice')).toContainText(
      'm1.epochs: 999999: 최댓값 5000보다 큽니다 → 5000 사용',
    );
    await switchTo(page, 'English');
    await expect(page.getByTestId('url-notice')).toContainText(
      'm1.epochs: 999999 is above the maximum 5000; using 5000',
    );
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Train both' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await switchTo(page, '한국어');
    await page.reload();
    await expect(page.getByRole('button', { name: '둘 다 학습' })).toBeVisible();
  });

  test('?lang=en wins over the browser, and a switch afterwards still holds', async ({ page }) => {
    await page.goto('./?lang=en&lab=tensors');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: 'Make a tensor' })).toBeVisible();
    await switchTo(page, '한국어');
    // The switch takes the link's word out of the address, so a reload keeps Korean.
    expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
    await page.reload();
    await expect(page.getByRole('heading', { name: '텐서 만들기' })).toBeVisible();
  });
});

test.describe('an English browser', () => {
  test.use({ locale: 'en-US' });

  test('starts in English, and ?lang=ko starts in Korean', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Train both' })).toBeVisible();
    await page.goto('./?lang=ko');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('button', { name: '둘 다 학습' })).toBeVisible();
  });
});
