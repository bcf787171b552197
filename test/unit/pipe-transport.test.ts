import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PipeTransport } from '../../src/browser/pipe-transport.js';

/** A transport over in-memory pipes: what it writes to the browser, and a way to play the browser's side. */
function connect(): { transport: PipeTransport; written: Buffer[]; fromBrowser: PassThrough; received: Promise<string[]> } {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const written: Buffer[] = [];
  toBrowser.on('data', (chunk: Buffer) => written.push(chunk));
  const transport = new PipeTransport(toBrowser, fromBrowser);
  const messages: string[] = [];
  const received = new Promise<string[]>((resolve) => {
    transport.onmessage = (message) => {
      messages.push(message);
      if (messages.length === 3) resolve(messages);
    };
  });
  return { transport, written, fromBrowser, received };
}

describe('the DevTools pipe', () => {
  it('writes each message and its NUL terminator as one write', async () => {
    const { transport, written } = connect();
    transport.send('{"id":1,"method":"Browser.getVersion"}');
    transport.send('{"id":2,"params":{"text":"한국어 ✓"}}');
    await new Promise((resolve) => setImmediate(resolve));
    expect(written.map((chunk) => chunk.toString('utf8'))).toEqual(['{"id":1,"method":"Browser.getVersion"}\0', '{"id":2,"params":{"text":"한국어 ✓"}}\0']);
  });

  it('reassembles messages split across reads, multi-byte characters included, in order', async () => {
    const { fromBrowser, received } = connect();
    const stream = Buffer.from('{"id":1}\0{"text":"北朝鮮 미사일"}\0{"id":3}\0', 'utf8');
    // Cut inside the second message's multi-byte characters, and deliver the rest byte by byte at the end.
    fromBrowser.write(stream.subarray(0, 14));
    fromBrowser.write(stream.subarray(14, 30));
    for (let i = 30; i < stream.length; i += 1) fromBrowser.write(stream.subarray(i, i + 1));
    expect(await received).toEqual(['{"id":1}', '{"text":"北朝鮮 미사일"}', '{"id":3}']);
  });

  it('sends nothing once closed and reports the close once', () => {
    const { transport, written } = connect();
    let closes = 0;
    transport.onclose = () => (closes += 1);
    transport.close();
    transport.close();
    transport.send('{"id":9}');
    expect(closes).toBe(1);
    expect(written).toEqual([]);
  });
});
