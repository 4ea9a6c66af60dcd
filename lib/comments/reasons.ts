import { clauseLabel } from '../policy/clauses';
import type { Reason } from '../policy';

/** "Held for review under §5 Respect privacy: …" */
export function describeReason(reason: Pick<Reason, 'clause' | 'message'>): string {
  return `${clauseLabel(reason.clause)}: ${reason.message}`;
}
