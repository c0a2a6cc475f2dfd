// How the members tabs run a command: the page's one action, whose message banner they share.

export type Run = <T>(f: () => Promise<T>, ok?: (v: T) => string) => Promise<T | null>;
