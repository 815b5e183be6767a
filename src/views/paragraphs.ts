/** Groups of lines as text: empty groups dropped, a blank line between the others. */
export function paragraphs(...groups: readonly (readonly string[])[]): string {
  return groups
    .filter((group) => group.length > 0)
    .map((group) => group.join('\n'))
    .join('\n\n');
}
