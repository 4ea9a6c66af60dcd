import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="not-found">
      <p className="kicker">Error 404</p>
      <h1>Page not found</h1>
      <p>The story or page you asked for does not exist, or has moved.</p>
      <p>
        <Link href="/">Go to the latest stories</Link>
      </p>
    </div>
  );
}
