import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

type Handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

const handler: Handler = async (request, context) => {
  // next-auth parses a JSON body without catching the error: a malformed one would be a 500, not a 400.
  if (request.method === 'POST' && request.headers.get('content-type')?.includes('application/json')) {
    try {
      JSON.parse(await request.clone().text());
    } catch {
      return new Response('Malformed request body.\n', {
        status: 400,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
  }
  return NextAuth(authOptions())(request, context);
};

export { handler as GET, handler as POST };
