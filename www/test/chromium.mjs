// Starts Debian's Chromium through playwright-core (no browser download): a fresh
// profile in a temp folder, headless, and none of the background networking that a
// closed network refuses. Shared by every browser test.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** A new temporary profile folder (to open several browsers on one profile in turn). */
export const newProfile = () => mkdtempSync(join(tmpdir(), 'pii-veil-chromium-'));

/** The command-line flags of every browser started here. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A persistent context on a new temporary profile (or on `profile`); `options` are added (e.g. viewport). */
export function launchChromium(options = {}, profile = newProfile()) {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    ...options,
    args: CHROMIUM_ARGS,
  });
}
