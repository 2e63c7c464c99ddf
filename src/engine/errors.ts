/** What went wrong, as text to show: an Error's message, or the thrown value itself. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
