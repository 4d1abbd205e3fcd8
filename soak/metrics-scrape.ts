/**
 * The unlabelled samples of the server's `/metrics` (the gauges), or undefined when it is not served to this token.
 * The soak reads the backlogs and the database's state through them, as an operator's dashboard would.
 */
export async function scrapeGauges(url: string, token: string): Promise<Record<string, number> | undefined> {
  try {
    const response = await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5_000) });
    if (response.status !== 200) return undefined;
    const gauges: Record<string, number> = {};
    for (const line of (await response.text()).split('\n')) {
      const match = /^([a-z_]+) (\S+)$/.exec(line);
      if (match) gauges[match[1]!] = Number(match[2]);
    }
    return gauges;
  } catch {
    return undefined;
  }
}
