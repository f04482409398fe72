import { BlockList, isIP } from 'node:net';

// Addresses no public push service has: the server must not be made to POST into its own network (SSRF).
const internal = new BlockList();
for (const [network, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) {
  internal.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['::ffff:0:0', 96]] as const) {
  internal.addSubnet(network, prefix, 'ipv6');
}

/**
 * Why the server must not POST to `endpoint`, or undefined when it may: push services are `https:` URLs on the
 * public internet. `allowInsecure` (tests, a local push service) also lets `http://127.0.0.1:<port>` through.
 * A DNS name that resolves to an internal address is not caught here.
 */
export function pushEndpointProblem(endpoint: string, allowInsecure: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'must not carry credentials';
  if (allowInsecure && url.protocol === 'http:' && url.hostname === '127.0.0.1') return undefined;
  if (url.protocol !== 'https:') return 'must be an https: URL';
  if (!allowInsecure && isInternalHost(url.hostname)) return 'must be a public push service, not a local or private address';
  return undefined;
}

function isInternalHost(hostname: string): boolean {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  return family !== 0 && internal.check(host, family === 4 ? 'ipv4' : 'ipv6');
}
