// @ts-check
// OptOut Pilot sign-in bundle (entry of signin.js): on LinkedIn's sign-in and sign-out pages only (the manifest's
// addresses: the browser matches them, so ordinary page loads pay nothing for the test). The account may change
// here (a sign-out page means no one is signed in), so it tells the worker: until a page shows who is signed in
// (a settings page, the day's reminder card), readings on pages that do not show it are held, never given to the
// account seen before.
// (A signed-in member who opens linkedin.com/ is sent on to the feed: the bare address counts as a sign-in page.)

import { post } from './runtime.js';

post({ type: 'event', event: { type: 'signInPage' } });
