// Which proxies' X-Forwarded-For is believed (TONGBAN_TRUST_PROXY): none, every one (`1`), or those at the listed
// addresses and networks. Fastify applies the same setting to HTTP requests (its trustProxy, through proxy-addr);
// clientAddress.ts applies it where Fastify does not see the request. The list is checked once, at start.
import { BlockList, isIP } from 'node:net';

/** false: the socket's peer is the client; true: the left-most forwarded address; a list: the proxies trusted. */
export type TrustProxy = boolean | string[];

/** The names proxy-addr (so Fastify) accepts, with the networks they stand for. */
const NAMED_NETWORKS: Record<string, string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

function validEntry(entry: string): boolean {
  if (entry in NAMED_NETWORKS) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** TONGBAN_TRUST_PROXY: unset, empty or `0` off; `1` every proxy; else a comma-separated list of addresses/networks. */
export function parseTrustProxy(name: string, value: string | undefined): TrustProxy {
  const v = value?.trim() ?? '';
  if (v === '' || v === '0') return false;
  if (v === '1') return true;
  const entries = v
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const wrong = entries.filter((e) => !validEntry(e));
  if (entries.length === 0 || wrong.length > 0)
    throw new Error(
      `${name} must be 1 or a comma-separated list of proxy addresses or networks (10.0.0.5,10.0.1.0/24,loopback); ` +
        `got "${wrong.join(', ') || v}" / ${name} 应为 1，或以逗号分隔的代理地址、网段（如 10.0.0.5,10.0.1.0/24）`,
    );
  return entries;
}

/** An IPv4 address written as IPv6 (`::ffff:10.0.0.5`, as a dual-stack socket reports it) as the IPv4 it is. */
function canonical(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

const compiled = new WeakMap<string[], BlockList>();

function networksOf(list: string[]): BlockList {
  let networks = compiled.get(list);
  if (networks) return networks;
  networks = new BlockList();
  for (const entry of list.flatMap((e) => NAMED_NETWORKS[e] ?? [e])) {
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) networks.addAddress(address, type);
    else networks.addSubnet(address, Number(bits), type);
  }
  compiled.set(list, networks);
  return networks;
}

/** Whether `address` is one of the listed proxies. Anything that is not an address is not trusted (as proxy-addr). */
export function isTrustedProxy(list: string[], address: string): boolean {
  const a = canonical(address);
  const family = isIP(a);
  return family !== 0 && networksOf(list).check(a, family === 6 ? 'ipv6' : 'ipv4');
}
