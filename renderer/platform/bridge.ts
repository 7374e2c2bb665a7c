import { BRIDGE_KEY, type KithBridge } from '../../shared/ipc';

/**
 * The preload's bridge (window.kith) when it offers every one of `names`, else null. Each group of
 * functions is detected on its own, so a renderer newer than its shell falls back to the browser's
 * way for what the shell lacks instead of calling something that is not there.
 */
export function bridgeWith<K extends keyof KithBridge>(names: readonly K[]): Pick<KithBridge, K> | null {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_KEY];
  if (typeof candidate !== 'object' || candidate === null) return null;
  const functions = candidate as Record<string, unknown>;
  return names.every((name) => typeof functions[name] === 'function')
    ? (candidate as Pick<KithBridge, K>)
    : null;
}
