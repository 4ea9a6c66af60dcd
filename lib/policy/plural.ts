// "1 minute", "5 minutes": the engine's messages are read by readers, and settings may be 1. Pure (the policy
// engine imports nothing but zod), so not lib/format.ts.
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
