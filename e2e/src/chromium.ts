// Kept only so bench/web/study-page.ts (another owner's file) still imports; the launcher lives in browser.ts.
export { launchBrowser } from './browser.ts';
