// Two-person control from the window's side: when a command is refused with TWO_PERSON_REQUIRED,
// the one dialog (SecondPersonDialog, mounted by the shell) asks the reviewer for their name and
// password, the reviewer's confirmation is given to the service, and the command runs again.

type Request = { what: string; resolve: (confirmed: boolean) => void };
let current: Request | null = null;
const listeners = new Set<(r: Request | null) => void>();

/** Asks for a reviewer's confirmation; true once the service accepted it, false when cancelled. */
export function askSecondPerson(what: string): Promise<boolean> {
  return new Promise((resolve) => {
    current?.resolve(false);
    current = {
      what,
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
