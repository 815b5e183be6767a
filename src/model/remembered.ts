/**
 * `compute`, remembering each answer by its text argument: for pure work done again and again on a handful
 * of distinct values (a path's resource ids, learners' names). Past `kept` answers it starts over, so
 * memory stays bounded whatever the inputs are.
 */
export function remembered<T>(compute: (text: string) => T, kept: number): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    if (answers.has(text)) return answers.get(text)!;
    const answer = compute(text);
    if (answers.size >= kept) answers.clear();
    answers.set(text, answer);
    return answer;
  };
}
