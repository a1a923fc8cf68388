// Ambient declarations for the type check only (tsconfig.json); nothing here ships.
// The chrome.* API types come from the pinned devDependency @types/chrome.

/** Firefox's promise-based namespace; the extension uses chrome.* (also available in Firefox 142+). */
declare var browser: typeof chrome | undefined;
