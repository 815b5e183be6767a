/**
 * A SCAN-family cursor's pages with what an earlier page already returned taken out: Redis may return an
 * element more than once (when a table grows mid-scan), and store:check would count a repeat as an orphan.
 */
export async function* scanOnce<T>(pages: AsyncIterable<T[]>, identity: (item: T) => string): AsyncIterable<T[]> {
  const seen = new Set<string>();
  for await (const page of pages) {
    const fresh = page.filter((item) => {
      const id = identity(item);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    if (fresh.length > 0) yield fresh;
  }
}

export const itself = (text: string): string => text;
