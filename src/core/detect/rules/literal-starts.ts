/**
 * Every offset where one of the literals starts, ascending: for a rule whose matches all start
 * with one of them (ProjectRule.matchStarts). V8's indexOf skips ahead to a literal faster than a
 * regex that starts with an alternation does.
 */
export function literalStarts(literals: readonly string[]): (text: string) => number[] {
  return (text) => {
    const starts: number[] = [];
    for (const literal of literals) {
      for (let position = text.indexOf(literal); position !== -1; position = text.indexOf(literal, position + 1)) starts.push(position);
    }
    return literals.length > 1 ? starts.sort((left, right) => left - right) : starts;
  };
}
