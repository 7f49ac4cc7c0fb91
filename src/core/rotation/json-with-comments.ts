/**
 * Parses JSON with comments and trailing commas, as VS Code writes launch.json and tasks.json;
 * undefined when it still does not parse.
 */
export function parseJsonWithComments(text: string): unknown {
  let plain = '';
  let index = 0;
  while (index < text.length) {
    const character = text[index];
    if (character === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      plain += text.slice(index, end + 1);
      index = end + 1;
    } else if (character === '/' && text[index + 1] === '/') {
      const newline = text.indexOf('\n', index);
      index = newline === -1 ? text.length : newline;
    } else if (character === '/' && text[index + 1] === '*') {
      const close = text.indexOf('*/', index + 2);
      index = close === -1 ? text.length : close + 2;
    } else {
      plain += character;
      index += 1;
    }
  }
  try {
    return JSON.parse(plain.replace(/,(\s*[}\]])/g, '$1'));
  } catch {
    return undefined;
  }
}
