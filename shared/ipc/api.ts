// Builds the renderer-facing API object from the contract. The preload (in Electron) and the e2e
// bridge (in Chromium tests) both call buildApi, so the UI is tested against exactly the object
// it gets in the app. Each channel "domain.method" becomes api.domain.method(input).

import { AppError, type Envelope } from '../errors';
import type { Progress } from '../domain/types';
import { CHANNELS, type Channel, type Input, type Result } from './contract';

type Method<C extends Channel> = Record<never, never> extends Input<C> ? (input?: Input<C>) => Promise<Result<C>> : (input: Input<C>) => Promise<Result<C>>;

type DomainOf<C> = C extends `${infer D}.${string}` ? D : never;

export type Api = {
  [D in DomainOf<Channel>]: {
    [C in Channel as C extends `${D}.${infer M}` ? M : never]: Method<C>;
  };
} & {
  /** Subscribe to progress of long work; returns the unsubscribe function. */
  onProgress(listener: (p: Progress) => void): () => void;
};

export type RawInvoke = (channel: Channel, input: unknown) => Promise<Envelope<unknown>>;
export type RawSubscribe = (listener: (p: Progress) => void) => () => void;

export function buildApi(invoke: RawInvoke, subscribe: RawSubscribe): Api {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of CHANNELS) {
    const [domain, method] = channel.split('.') as [string, string];
    const target = (api[domain] ??= {});
    target[method] = async (input?: unknown) => {
      const envelope = await invoke(channel, input ?? {});
      if (envelope.ok) return envelope.value;
      throw new AppError(envelope.error.code, envelope.error.message, envelope.error.hint, envelope.error.ticket);
    };
  }
  // Freeze so page scripts cannot swap a method for another.
  for (const k of Object.keys(api)) Object.freeze(api[k]);
  return Object.freeze({ ...api, onProgress: (listener: (p: Progress) => void) => subscribe(listener) }) as unknown as Api;
}
