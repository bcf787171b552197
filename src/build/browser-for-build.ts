import { BrowserService, type BrowserServiceOptions } from '../browser/browser-service.js';
import type { ResolvedBuildOptions } from '../config/build-options.js';

/**
 * The shared browser a build (or the preview) prints with, set up from its options: the browser asked for, and for
 * trusted HTML shown tabs, since its scripts may draw in requestAnimationFrame, which only a shown page calls.
 */
export function browserForBuild(resolved: ResolvedBuildOptions, options: Pick<BrowserServiceOptions, 'maxTabs'> = {}): BrowserService {
  return new BrowserService({ ...options, executablePath: resolved.executablePath, drawFrames: resolved.trustHtml });
}
