import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { idempotencyKey } from './validation.ts';

interface DialogDraftOptions<Draft> {
  opened: boolean;
  /** The draft each opening starts from. */
  empty: () => Draft;
  /** What else starts afresh with an opening (the request's error). */
  onOpen: () => void;
  /** What else a change of a field clears (the request's error). */
  onEdit: () => void;
  /** Values that, changing while opened, start it afresh too (the kind a dialog opens on). */
  restartOn?: readonly unknown[];
}

/**
 * The state of a form in a dialog that creates something: the draft, the fields changed, whether a
 * send was tried, and one Idempotency-Key per opening (a double click or a retry after a lost
 * answer creates it once), all started afresh at each opening. A field is checked from its first
 * change, not on blur: an error appearing as the focus leaves would move the buttons under the
 * pointer between press and release, and the click would be lost.
 */
export function useDialogDraft<Draft extends object>({ opened, empty, onOpen, onEdit, restartOn = [] }: DialogDraftOptions<Draft>) {
  const [draft, setDraft] = useState<Draft>(empty);
  const [touched, setTouched] = useState<Set<keyof Draft>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [key, setKey] = useState(idempotencyKey);
  // The caller's functions of this render, read when the dialog opens (not dependencies of the opening).
  const latest = useRef({ empty, onOpen });
  latest.current = { empty, onOpen };
  useEffect(() => {
    if (!opened) return;
    setDraft(latest.current.empty());
    setTouched(new Set());
    setSubmitted(false);
    setKey(idempotencyKey());
    latest.current.onOpen();
  }, [opened, ...restartOn]);

  const set = (field: keyof Draft, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }) as Draft);
    setTouched((current) => new Set(current).add(field));
    onEdit();
  };
  /** A field's props: its name, value, change and error. */
  const field = (name: keyof Draft & string, error: string | undefined) => ({
    name,
    value: draft[name] as string,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => set(name, event.currentTarget.value),
    error,
  });
  return { draft, touched, submitted, markSubmitted: () => setSubmitted(true), key, set, field };
}
