// Trust from history: each published comment adds 1, each rejection takes 3, and account age adds up to 3
// (one point per 30 days). A new account starts at 0; below the threshold (default -2) comments are held.
export function trustScore(history: { approvedCount: number; rejectedCount: number; accountAgeDays: number }): number {
  const age = Math.min(Math.max(history.accountAgeDays, 0) / 30, 3);
  return Math.round((history.approvedCount - 3 * history.rejectedCount + age) * 10) / 10;
}
