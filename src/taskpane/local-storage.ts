/** The pane's per-user settings store: this browser's localStorage, where it may be used. */
export const localSettings = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled (private mode, policy)
  }
};
