import { groupRange, type ProjectRule } from '../project-rule';
import { isCredential } from '../value-judgement';
import { isInEmailAddress, isUnderHashName, wholeMatchIfCredential } from './credential-match';
import { literalStarts } from './literal-starts';

/**
 * Twilio API key SIDs ("SK" and 32 hex): the key's secret sits beside them. Not account SIDs ("AC"):
 * they name an account, and every round of public repositories labelled them false (45 of them).
 */
export const twilioSidRule: ProjectRule = {
  id: 'secret-manager/twilio-sid',
  title: 'Twilio API key SID',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  // No requiredText: matchStarts looks for "SK" anyway, and as the gate's literal it cost a pass of
  // its own over every "K" of the text (3 ms on the bench tree).
  matchStarts: literalStarts(['SK']),
  pattern: /\bSK[0-9a-f]{32}\b/dg,
  accept: wholeMatchIfCredential,
};

/** A 32-hex auth token, only where the line speaks of Twilio or an auth token. */
export const twilioAuthTokenRule: ProjectRule = {
  id: 'secret-manager/twilio-auth-token',
  title: 'Twilio auth token',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: ['twilio', 'auth[_-]?token'],
  // Not after "_": `rot_71321cf3…` is an id with its kind in front.
  pattern: /(?<![0-9A-Za-z_])([0-9a-f]{32})(?![0-9A-Za-z])/dg,
  accept(match) {
    const range = groupRange(match, 1);
    if (!range || isUnderHashName(match.input, match.index) || isInEmailAddress(match.input, range.start, range.end) || !isCredential(match[1], 'format') || !/[a-f]/.test(match[1]) || !/[0-9]/.test(match[1])) return undefined;
    if (!isNearTwilioOrAuthToken(match.input, range.start)) return undefined;
    return range;
  },
};

/**
 * Twilio named on the hex's line or in the 1,000 characters before it, or an auth token just before it on its line
 * (`X-Auth-Token: …`): elsewhere in a file that mentions an auth token, 32 hex is most often an MD5
 * (Evernote's `en-cache://tokenKey%3D%22AuthToken…+<md5>`).
 */
function isNearTwilioOrAuthToken(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', start);
  if (/twilio/i.test(text.slice(Math.max(0, start - 1000), lineEnd === -1 ? text.length : lineEnd))) return true;
  return /auth[_-]?token/i.test(text.slice(Math.max(lineStart, start - 40), start));
}
