import { BriefkitError, BrowserError } from '../errors.js';

/** Messages puppeteer gives when the browser or the tab died or hung under a job (crash, kill, protocol timeout). */
const deadBrowser = /Target closed|Session closed|Connection closed|Protocol error|detached|crash|browser has disconnected|Navigation failed because browser|WebSocket is not open|stopped \(|timed out/i;

/** Whether an error means the browser or its tab died, as opposed to a problem with the document. */
export function isBrowserCrash(error: unknown): boolean {
  if (error instanceof BriefkitError && !(error instanceof BrowserError)) return false;
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error && messages.length < 5; e = e.cause) messages.push(`${e.name} ${e.message}`);
  return messages.some((m) => deadBrowser.test(m));
}
