// How many random cases a property test runs. CI runs a fixed number sized so that no test comes
// within a third of its timeout on a busy two-core machine; `npm run fuzz` sets LJD_FUZZ=1 and runs
// the long version of the same tests (the parsers' fuzz budget is FUZZ_RUNS, see fuzz.test.ts).

/** true under `npm run fuzz` */
export const LONG_RUN = process.env.LJD_FUZZ === '1';

/** `ci` cases in CI and `npm test`, `long` under `npm run fuzz` */
export function cases(ci: number, long: number): number {
  return LONG_RUN ? long : ci;
}
