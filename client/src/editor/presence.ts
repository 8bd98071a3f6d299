// Who is in the document, and small "something changed" signals between them, both over Yjs awareness: comment
// threads and versions live in the REST API, so a person who changes them bumps a counter that the others watch.
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import type { PresenceUser } from './editorExtensions.ts';

export type SignalKind = 'threads' | 'versions' | 'info';
type Signals = Partial<Record<SignalKind, number>>;

interface AwarenessState {
  user?: Partial<PresenceUser>;
  signals?: Signals;
}

export interface Participant extends PresenceUser {
  /** This browser tab. */
  self: boolean;
}

function participants(provider: HocuspocusProvider): Participant[] {
  const awareness = provider.awareness;
  if (!awareness) return [];
  const byUser = new Map<string, Participant>();
  for (const [clientId, state] of awareness.getStates() as Map<number, AwarenessState>) {
    const u = state.user;
    if (!u?.id || !u.name || !u.color) continue;
    const self = clientId === awareness.clientID;
    // One person in two tabs is one avatar; keep "self" if either tab is this one.
    const known = byUser.get(u.id);
    byUser.set(u.id, { id: u.id, name: u.name, color: u.color, self: self || (known?.self ?? false) });
  }
  return [...byUser.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Everyone with the document open, this person first. */
export function usePresence(provider: HocuspocusProvider): Participant[] {
  const cache = useRef<{ key: string; value: Participant[] }>({ key: '', value: [] });
  const subscribe = useCallback(
    (onChange: () => void) => {
      provider.awareness?.on('change', onChange);
      return () => provider.awareness?.off('change', onChange);
    },
    [provider],
  );
  const snapshot = useCallback(() => {
    const value = participants(provider);
    const key = value.map((p) => `${p.id}:${p.self ? 1 : 0}`).join(',');
    if (key !== cache.current.key) cache.current = { key, value };
    return cache.current.value;
  }, [provider]);
  return useSyncExternalStore(subscribe, snapshot);
}

/** Tells the others that something of `kind` changed. */
export function sendSignal(provider: HocuspocusProvider, kind: SignalKind): void {
  const awareness = provider.awareness;
  if (!awareness) return;
  const current = (awareness.getLocalState() as AwarenessState | null)?.signals ?? {};
  awareness.setLocalStateField('signals', { ...current, [kind]: (current[kind] ?? 0) + 1 });
}

/** Calls `onSignal` when someone else says that something of `kind` changed. */
export function usePeerSignal(provider: HocuspocusProvider, kind: SignalKind, onSignal: () => void): void {
  const latest = useRef(onSignal);
  useEffect(() => {
    latest.current = onSignal;
  }, [onSignal]);
  useEffect(() => {
    const awareness = provider.awareness;
    if (!awareness) return undefined;
    const seen = new Map<number, number>();
    const read = (clientId: number) =>
      (awareness.getStates().get(clientId) as AwarenessState | undefined)?.signals?.[kind] ?? 0;
    for (const clientId of awareness.getStates().keys()) seen.set(clientId, read(clientId));
    const onChange = ({ added, updated }: { added: number[]; updated: number[] }) => {
      let changed = false;
      for (const clientId of [...added, ...updated]) {
        if (clientId === awareness.clientID) continue;
        const value = read(clientId);
        if (value > (seen.get(clientId) ?? 0)) changed = true;
        seen.set(clientId, value);
      }
      if (changed) latest.current();
    };
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [provider, kind]);
}
