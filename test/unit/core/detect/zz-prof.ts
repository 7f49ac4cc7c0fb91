import { PROJECT_RULES } from '../../../../src/core/detect/rules';
import { KeywordFilter } from '../../../../src/core/detect/keyword-filter';
// @ts-ignore
import { generateTypeScript } from '../../../../bench/detect-fixtures.mjs';
(async () => {
const text: string = generateTypeScript(10000, 100);
const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1];
const filter = new KeywordFilter(PROJECT_RULES);
let lines = filter.candidateLines(text);
const a: number[] = []; for (let i = 0; i < 30; i++) { const t = performance.now(); lines = filter.candidateLines(text); a.push(performance.now() - t); }
console.log('filter', med(a).toFixed(3));
for (const rule of PROJECT_RULES) {
  const b: number[] = []; let n = 0;
  for (let i = 0; i < 30; i++) {
    const t = performance.now(); n = 0;
    const ls = rule.keywords.length === 0 ? [{ start: 0, end: text.length }] : lines.get(rule.id) ?? [];
    for (const l of ls) { const w = text.slice(l.start, l.end); rule.pattern.lastIndex = 0; for (let m = rule.pattern.exec(w); m; m = rule.pattern.exec(w)) if (rule.accept(m, { fileKind: 'code' } as any)) n++; }
    b.push(performance.now() - t);
  }
  console.log(rule.id.padEnd(45), (lines.get(rule.id)?.length ?? 0).toString().padStart(5), med(b).toFixed(3), n);
}
})();
