import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { IpcInvokeChannel, IpcRequest, IpcResponse, IpcResult } from '../../../shared/ipc';
import { APP_ORIGIN, isAppUrl } from '../origin';

export type IpcHandlerFn<C extends IpcInvokeChannel> = (
  request: IpcRequest<C>,
  event: IpcMainInvokeEvent,
) => IpcResponse<C> | Promise<IpcResponse<C>>;

/**
 * Why a sender may not use IPC, or null when it may: only the top frame of a page on app://kith.
 * A subframe or a page that navigated elsewhere (both refused by policy, but defence in depth)
 * gets no access to the main process.
 */
export function senderProblem(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame no longer exists';
  if (frame.parent !== null) return 'the sender is not the top frame';
  if (!isAppUrl(frame.url)) return `the sender is not on ${APP_ORIGIN}`;
  return null;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'payload'}: ${issue.message}`)
    .join('; ');
}

/**
 * Registers one invoke channel: checks the sender, validates the single payload argument with
 * `schema`, runs `fn`, and answers with an IpcResult. Nothing thrown here escapes into the main
 * process: a bad sender, a malformed payload or a failing handler all become `{ ok: false }`.
 */
export function handle<C extends IpcInvokeChannel>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: C,
  schema: z.ZodType<IpcRequest<C>>,
  fn: IpcHandlerFn<C>,
): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<IpcResult<IpcResponse<C>>> => {
    const problem = senderProblem(event);
    if (problem) return { ok: false, error: `${channel}: refused, ${problem}` };
    if (args.length > 1) return { ok: false, error: `${channel}: expected one payload, got ${args.length}` };
    const payload = schema.safeParse(args[0]);
    if (!payload.success) return { ok: false, error: `${channel}: ${describeIssues(payload.error)}` };
    try {
      return { ok: true, value: await fn(payload.data, event) };
    } catch (error) {
      return { ok: false, error: `${channel}: ${error instanceof Error ? error.message : String(error)}` };
    }
  });
}
