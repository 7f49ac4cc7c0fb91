import { isDocumentationFile, isInDocumentedOutput } from '../documented-output';
import { groupRange, type ProjectRule, type RuleMatch, type ScanContext } from '../project-rule';
import { judgeValue } from '../value-judgement';

/** Below the default threshold. */
const DOCUMENTATION_CONFIDENCE = 0.6;

/**
 * "Bearer <token>" written out, in any file: a header (`"Authorization": "Bearer …"`), a constant,
 * a curl line. The token is judged as a value assigned to a token, so `Bearer ${token}`,
 * `Bearer YOUR_TOKEN` and `Bearer abc123` are left alone; JWTs and provider formats are their own
 * rules' findings.
 */
export const bearerTokenRule: ProjectRule = {
  id: 'secret-manager/bearer-token',
  title: 'Bearer token',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: [],
  requiredText: ['Bearer ', "'bearer ", '"bearer '],
  matchesStartInRequiredText: true,
  // In lower case only where a quoted header value starts (`{'Authorization': 'bearer …'}`), not in prose.
  pattern: /(?:\bBearer|['"]bearer) +([A-Za-z0-9._~+/-]{16,}={0,2})(?![\w.~+/=-])/dg,
  accept(match, context) {
    const range = groupRange(match, 1);
    // `Bearer authorization_uri="…"`, `Bearer realm=`: a WWW-Authenticate challenge's parameters.
    if (!range || /^[A-Za-z_-]+=/.test(match[1])) return undefined;
    return judgedHeaderToken(match, range, context);
  },
};

/**
 * The token of an Authorization header written out, judged as a value assigned to a token. A page's
 * curl example mostly shows a token made up for it (traefik's, wallabag's API guides): below the
 * default threshold there, shown when the user asks for more.
 */
function judgedHeaderToken(match: RegExpExecArray, range: { readonly start: number; readonly end: number }, context: ScanContext): RuleMatch | undefined {
  const { verdict, confidence } = judgeValue(match[1], 'name', { name: 'token' });
  if (verdict !== 'credential' || isInDocumentedOutput(match.input, match.index, context.filePath)) return undefined;
  return { ...range, confidence: isDocumentationFile(context.filePath) ? Math.min(confidence, DOCUMENTATION_CONFIDENCE) : confidence };
}

/**
 * Django REST framework's token scheme, `Authorization: Token <40 hex>` (in a header, a dict or a curl line):
 * DRF's tokens are 40 hex, issued per user, with no expiry.
 */
export const tokenAuthorizationRule: ProjectRule = {
  id: 'secret-manager/token-authorization',
  title: 'Token authorization header',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: [],
  requiredText: ['uthorization'],
  pattern: /\b[Aa]uthorization["']?[ \t]*[:=,][ \t]*["']?Token +([0-9a-f]{40})(?![\w.~+/=-])/dg,
  accept(match, context) {
    const range = groupRange(match, 1);
    return range && judgedHeaderToken(match, range, context);
  },
};
