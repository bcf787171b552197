#!/usr/bin/env node
// `briefkit` as installed: runs the bundled CLI beside it with V8's code cache (see run-bundle.ts).
import { bundleBeside, runBundle } from './run-bundle.js';

/** The bundle's content hash, written in by scripts/bundle.mjs: a changed bundle never meets an old cache. */
declare const BRIEFKIT_BUNDLE_HASH: string;

runBundle(bundleBeside(import.meta.url, 'briefkit.cjs'), BRIEFKIT_BUNDLE_HASH);
