// Starts Debian's Chromium through playwright-core (no browser download): a fresh
// profile in a temp folder, headless, and none of the background networking that a
// closed network refuses. Shared by every browser test.
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** A new temporary profile folder (to open several browsers on one profile in turn). */
export const newProfile = () => mkdtempSync(join(tmpdir(), 'pii-veil-chromium-'));

/** The command-line flags of every browser started here. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Removes a profile folder once its browser has closed. */
export async function removeProfile(profile) {
  try {
    await rm(profile, { recursive: true, force: true, maxRetries: 10 });
  } catch (_) { /* left in the temp folder */ }
}

/**
 * A persistent context on a new temporary profile, removed once the context has closed
 * (or on `profile`, which the caller removes); `options` are added (e.g. viewport).
 */
export async function launchChromium(options = {}, profile = null) {
  const dir = profile || newProfile();
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    ...options,
    args: CHROMIUM_ARGS,
  });
  if (!profile) {
    // close() settles once the browser has exited: its profile goes then
    const close = ctx.close.bind(ctx);
    ctx.close = async (...args) => {
      try {
        return await close(...args);
      } finally {
        await removeProfile(dir);
      }
    };
  }
  return ctx;
}
