type ObjectUrls = Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;

/** Saves a blob as a file: an object URL behind a clicked link, freed afterwards. */
export function downloadBlob(
  blob: Blob,
  fileName: string,
  doc: Document = document,
  urls: ObjectUrls = URL,
): void {
  const url = urls.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Some browsers still read the URL just after the click.
  setTimeout(() => urls.revokeObjectURL(url), 1000);
}

/** Saves text (UTF-8) as a file. */
export function downloadText(
  text: string,
  fileName: string,
  mime: string,
  doc: Document = document,
  urls: ObjectUrls = URL,
): void {
  downloadBlob(new Blob([text], { type: `${mime};charset=utf-8` }), fileName, doc, urls);
}
