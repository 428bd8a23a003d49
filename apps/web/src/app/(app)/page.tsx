import { redirect } from 'next/navigation';

// The layout already sent signed-out visitors to /sign-in; signed-in ones start at their teams.
export default function Home() {
  redirect('/teams');
}
