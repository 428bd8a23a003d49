import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tuneboard', template: '%s · Tuneboard' },
  description: 'Hyperparameter optimisation for teams',
  // Inline, so browsers do not ask for a /favicon.ico that does not exist (a 404 in every console).
  icons: {
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%232f6feb'/%3E%3Cpath d='M3 12 6 7l3 3 4-6' stroke='white' stroke-width='2' fill='none'/%3E%3C/svg%3E",
  },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
