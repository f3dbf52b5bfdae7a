/** What is wrong with a printer host as typed (an IPv4 address or a host name), or null when it is fine. */
export type PrinterHostProblem = 'malformed' | 'hasPort' | 'ipShape' | 'ipRange' | 'hostName';

export function printerHostProblem(raw: string): PrinterHostProblem | null {
  const host = raw.trim();
  if (host === '' || /[\s/]/.test(host)) return 'malformed';
  if (/:\d*$/.test(host)) return 'hasPort';
  if (/^[\d.]+$/.test(host)) {
    const parts = host.split('.');
    if (parts.length !== 4 || parts.some((x) => x === '')) return 'ipShape';
    return parts.some((x) => Number(x) > 255) ? 'ipRange' : null;
  }
  return /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(host) ? null : 'hostName';
}
