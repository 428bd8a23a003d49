import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from './sign-out-button.tsx';

const links = [
  { href: '/', label: 'Home' },
  { href: '/teams', label: 'Teams' },
  { href: '/search', label: 'Search' },
  { href: '/runners', label: 'Runners' },
  { href: '/tokens', label: 'API tokens' },
  { href: '/explorer', label: 'Explorer' },
];

/** The signed-in frame: the navigation bar and the page below it. */
export function AppShell({ userName, children }: { userName: string; children: ReactNode }) {
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          Tuneboard
        </Link>
        <nav aria-label="Main">
          <ul>
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href}>{link.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <form method="get" action="/search" role="search" aria-label="Search studies" className="app-search">
          <input type="search" name="q" placeholder="Search studies…" aria-label="Search studies by name" maxLength={200} />
        </form>
        <div className="app-user">
          <span className="muted">{userName}</span>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
    </div>
  );
}
