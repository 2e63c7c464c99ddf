/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker that keeps the lab working offline, relative to the page, so it works at
 * the root of a host or under a sub-path. In the dev server this does nothing.
 */
export function registerOfflineSupport(): void {
  registerSW({ immediate: true });
}
