import { parseRotationPolicyDays } from '../../core/rotation/rotation-age';
import { workspaceSetting } from '../settings';

/** secretManager.rotationPolicyDays (a workspace may set it); undefined when off or not a valid number of days. */
export function rotationPolicyDays(): number | undefined {
  try {
    return parseRotationPolicyDays(workspaceSetting<number>('rotationPolicyDays'), 'secretManager.rotationPolicyDays');
  } catch {
    return undefined;
  }
}
