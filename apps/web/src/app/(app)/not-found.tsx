import Link from 'next/link';

export default function NotFound() {
  return (
    <div>
      <h1>Not found</h1>
      <p>This does not exist, or it belongs to a team you are not in.</p>
      <Link href="/teams">Back to your teams</Link>
    </div>
  );
}
