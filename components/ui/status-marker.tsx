// Tells server.ts which HTTP status this page should answer with (lib/server/page-status.ts).
export function StatusMarker({ status }: { status: 400 | 404 | 410 }) {
  return <span hidden data-http-status={status} />;
}
