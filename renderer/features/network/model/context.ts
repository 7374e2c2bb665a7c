import { createContext } from 'react';
import type { NetworkClient } from './client';

export interface NetworkContextValue {
  client: NetworkClient;
  /** Starts the worker and the journal feed (the first view that needs the network calls it). */
  activate(): void;
}

export const NetworkContext = createContext<NetworkContextValue | null>(null);
