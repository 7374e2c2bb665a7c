import { createContext, useContext } from 'react';

export interface ToastAction {
  label: string;
  onAction(): void;
}

export interface ToastInput {
  message: string;
  action?: ToastAction;
  tone?: 'info' | 'error';
  /** A new toast replaces any shown toast of the same group (e.g. only the latest "Undo" is offered). */
  group?: string;
}

export interface ToastApi {
  show(toast: ToastInput): void;
}

export const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast() was called outside <ToastProvider>.');
  return api;
}
