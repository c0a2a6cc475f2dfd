// Two-person control from the window's side: when a command is refused with TWO_PERSON_REQUIRED,
// the one dialog (SecondPersonDialog, mounted by the shell) asks the reviewer for their name and
// password, the reviewer confirms the refusal's ticket (that very call, on this workspace), and the
// command runs again, unchanged.

export type Request = { what: string; ticket: string; resolve: (confirmed: boolean) => void };
let current: Request | null = null;
const listeners = new Set<(r: Request | null) => void>();

/** Asks for a reviewer's confirmation; true once the service accepted it, false when cancelled. */
export function askSecondPerson(what: string, ticket: string): Promise<boolean> {
  return new Promise((resolve) => {
    current?.resolve(false);
    current = {
      what,
      ticket,
      resolve: (ok) => {
        current = null;
        listeners.forEach((l) => l(null));
        resolve(ok);
      },
    };
    listeners.forEach((l) => l(current));
  });
}

export function onSecondPersonRequest(listener: (r: Request | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
