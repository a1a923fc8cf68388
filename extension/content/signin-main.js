// @ts-check
// OptOut Pilot sign-in bundle (entry of signin.js): on LinkedIn's sign-in and sign-out pages only (the manifest's
// addresses: the browser matches them, so ordinary page loads pay nothing for the test). The account may change
// here, so it tells the worker, which then has the next ordinary pages say who is signed in (who.js) until one does.
// (A signed-in member who opens linkedin.com/ is sent on to the feed: the bare address counts as a sign-in page.)

import { post } from './runtime.js';

post({ type: 'event', event: { type: 'signInPage' } });
