// Prisma errors the domain answers rather than throws.

/** A unique constraint refused the write (P2002): a race the other writer won, or a duplicate. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}
