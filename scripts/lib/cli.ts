/**
 * What every CLI here shares: its arguments read by its own `node:util` `parseArgs` call, the help
 * printed on `-h/--help` (exit 0), a usage error printed with the help (exit 2), and the exit code
 * set from `main`, an uncaught error reported in one line (exit 1).
 */

/**
 * Runs the script's `parse` (a `parseArgs` call with a `help` option). Returns its result, or the
 * exit code when the run ends here: 0 after printing the help, 2 after a usage error.
 */
export function readArgs<T extends { values: { help?: boolean | undefined } }>(name: string, help: string, parse: () => T): T | number {
  let args: T;
  try {
    args = parse();
  } catch (error) {
    return usage(name, help, (error as Error).message);
  }
  if (args.values.help === true) {
    console.log(help);
    return 0;
  }
  return args;
}

/** Prints `name: message` and the help to standard error; returns the usage exit code, 2. */
export function usage(name: string, help: string, message: string): 2 {
  console.error(`${name}: ${message}\n\n${help}`);
  return 2;
}

/** Runs `main` and sets the exit code from what it returns; an uncaught error is reported as `name: message`, exit 1. */
export async function runCli(name: string, main: () => number | Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
