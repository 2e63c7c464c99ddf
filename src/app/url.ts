/** The page's query string is the shareable state of the open lab. */
export function readParams(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

/** Replaces the query string without a reload or a new history entry. */
export function writeParams(params: URLSearchParams): void {
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(null, '', url);
  }
}
