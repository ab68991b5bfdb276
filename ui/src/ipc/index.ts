// The only module that talks to Tauri. Everything else calls `call()` and
// gets either the typed result or a thrown `AppError`.
import { invoke } from '@tauri-apps/api/core';

/** Shape of the error every backend command rejects with (serialized by the Rust side). */
export interface AppErrorPayload {
  code: string;
  message: string;
  field?: string | null;
}

/** An error reported by the backend, or an unexpected failure wrapped the same way. */
export class AppError extends Error {
  readonly code: string;
  readonly field?: string;

  constructor(code: string, message: string, field?: string | null) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (field !== undefined && field !== null) {
      this.field = field;
    }
  }
}

function isAppErrorPayload(value: unknown): value is AppErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    typeof v.message === 'string' &&
    (v.field === undefined || v.field === null || typeof v.field === 'string')
  );
}

/** Turns whatever a rejected `invoke` produced into an `AppError`. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isAppErrorPayload(err)) return new AppError(err.code, err.message, err.field);
  if (err instanceof Error) return new AppError('internal', err.message);
  if (typeof err === 'string') return new AppError('internal', err);
  return new AppError('internal', 'Unexpected error: ' + safeStringify(err));
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Invokes a backend command; a rejection is rethrown as an `AppError`. */
export async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (err) {
    throw toAppError(err);
  }
}
