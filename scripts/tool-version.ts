import { execFileSync } from 'node:child_process';

/** The first line a tool prints for its version (`psql --version`), or "unknown" when it cannot be run. */
export function toolVersion(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0]!;
  } catch {
    return 'unknown';
  }
}
