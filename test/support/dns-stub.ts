// A DNS server on loopback that answers A queries for fixed names, standing in for Docker's embedded DNS (which
// answers a compose service's name with one address per replica). Everything else gets an empty answer.
import { createSocket } from 'node:dgram';

export interface DnsStub {
  address: string;
  /** every question asked, by name, in order */
  queries: string[];
  /** replaces the answers for a name */
  set(name: string, addresses: string[]): void;
  close(): Promise<void>;
}

function questionEnd(msg: Buffer): { name: string; end: number } {
  const labels: string[] = [];
  let i = 12;
  while (msg[i] !== 0) {
    labels.push(msg.subarray(i + 1, i + 1 + msg[i]).toString('ascii'));
    i += msg[i] + 1;
  }
  return { name: labels.join('.').toLowerCase(), end: i + 5 }; // the root label, QTYPE, QCLASS
}

export async function startDnsStub(records: Record<string, string[]>): Promise<DnsStub> {
  const table = new Map(Object.entries(records).map(([k, v]) => [k.toLowerCase(), v]));
  const socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (msg, peer) => {
    if (msg.length < 17) return;
    const { name, end } = questionEnd(msg);
    queries.push(name);
    const qtype = msg.readUInt16BE(end - 4);
    const answers = qtype === 1 ? (table.get(name) ?? []) : [];
    const header = Buffer.alloc(12);
    msg.copy(header, 0, 0, 2); // id
    header.writeUInt16BE(0x8180 | (msg.readUInt16BE(2) & 0x0100), 2); // response, recursion available (+ RD echoed)
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    const records = answers.map((ip) => {
      const rr = Buffer.alloc(16);
      rr.writeUInt16BE(0xc00c, 0); // the name in the question
      rr.writeUInt16BE(1, 2); // A
      rr.writeUInt16BE(1, 4); // IN
      rr.writeUInt32BE(1, 6); // TTL
      rr.writeUInt16BE(4, 10);
      ip.split('.').forEach((octet, k) => rr.writeUInt8(Number(octet), 12 + k));
      return rr;
    });
    socket.send(Buffer.concat([header, msg.subarray(12, end), ...records]), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    queries,
    set: (name, addresses) => void table.set(name.toLowerCase(), addresses),
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
