/**
 * The IDX file format of (Fashion-)MNIST, and the gzip layer around it. Pure TypeScript: runs in the
 * browser and in Node 20 (both have `DecompressionStream`).
 *
 * IDX: two zero bytes, a type byte (0x08 = unsigned byte), a rank byte, one big-endian uint32 per
 * dimension, then the data in row-major order.
 */
import { errorText, message, MessageError, type Message } from '../engine/message';

/** A data file that is not what it should be; the message names the file and what is wrong. */
export class IdxError extends MessageError {
  readonly file: string;

  constructor(file: string, problem: Message) {
    super(message('data.idx.problem', { file, problem }));
    this.name = 'IdxError';
    this.file = file;
  }
}

const TYPE_NAMES: Record<number, Message> = {
  0x08: message('data.idx.types.uint8'),
  0x09: message('data.idx.types.int8'),
  0x0b: message('data.idx.types.int16'),
  0x0c: message('data.idx.types.int32'),
  0x0d: message('data.idx.types.float32'),
  0x0e: message('data.idx.types.float64'),
};

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The gzip trailer's last 4 bytes hold the inflated size (mod 2^32): a hint to allocate the output once.
 * A truncated file ends in arbitrary bytes, so the hint is trusted only up to a sane ratio.
 */
function gzipSizeHint(bytes: Uint8Array): number {
  const tail = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4, 4).getUint32(
    0,
    true,
  );
  return Math.min(tail, bytes.length * 64, 1 << 30);
}

/**
 * Reads a byte stream into one buffer, allocated once at `sizeHint` bytes when the hint is right (it
 * grows when the stream is longer). `onBytes` gets the running total and a view of the bytes so far after
 * each chunk.
 */
export async function readStreamBytes(
  stream: ReadableStream<Uint8Array>,
  sizeHint: number,
  onBytes?: (loaded: number, sofar: Uint8Array) => void,
): Promise<Uint8Array> {
  const reader = stream.getReader();
  let out = new Uint8Array(sizeHint);
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out.subarray(0, length);
    if (length + value.length > out.length) {
      const grown = new Uint8Array(Math.max(out.length * 2, length + value.length));
      grown.set(out.subarray(0, length));
      out = grown;
    }
    out.set(value, length);
    length += value.length;
    onBytes?.(length, out.subarray(0, length));
  }
}

/**
 * Inflates `bytes` if they start with the gzip magic 1f 8b, else returns them as they are (a server that
 * sends `Content-Encoding: gzip` has had the browser inflate them already). A corrupted or truncated gzip
 * rejects with an IdxError.
 */
export async function gunzipIfNeeded(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  if (bytes.length < 18) {
    throw new IdxError(file, message('data.idx.gzipTruncated', { bytes: bytes.length }));
  }
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // Errors surface on the readable side; these two promises only must not go unhandled.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  try {
    return await readStreamBytes(stream.readable, gzipSizeHint(bytes));
  } catch (error) {
    throw new IdxError(file, message('data.idx.gzipCorrupt', { reason: errorText(error) }));
  }
}

function describeStart(bytes: Uint8Array): Message {
  const hex = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  const text = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart().toLowerCase();
  const looksLikeText = text.startsWith('<') || text.startsWith('{');
  return looksLikeText
    ? message('data.idx.looksLikeText', { start: text.slice(0, 15) })
    : message('data.idx.badMagic', { hex });
}

/**
 * The whole file's size as its header announces it, once `bytes` hold the header of an IDX file of
 * unsigned bytes; else null. Lets a download whose length the server does not tell show real progress.
 */
export function idxSizeFromHeader(bytes: Uint8Array): number | null {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0 || bytes[2] !== 0x08) return null;
  const header = 4 + 4 * (bytes[3] ?? 0);
  if (bytes.length < header) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, header);
  let values = 1;
  for (let offset = 4; offset < header; offset += 4) values *= view.getUint32(offset, false);
  return header + values;
}

/**
 * Parses an IDX file of unsigned bytes. `expected.dims` fixes the rank and, where not null, each size.
 * `data` is a view into `bytes` (no copy).
 */
export function parseIdx(
  bytes: Uint8Array,
  file: string,
  expected?: { dims: (number | null)[] },
): { dims: number[]; data: Uint8Array } {
  if (bytes.length < 4) {
    throw new IdxError(file, message('data.idx.tooShort', { bytes: bytes.length }));
  }
  if (bytes[0] !== 0 || bytes[1] !== 0) throw new IdxError(file, describeStart(bytes));
  const type = bytes[2] ?? 0;
  if (type !== 0x08) {
    const name = TYPE_NAMES[type] ?? message('data.idx.types.unknown');
    const hex = type.toString(16).padStart(2, '0');
    throw new IdxError(file, message('data.idx.wrongType', { type: name, hex }));
  }
  const rank = bytes[3] ?? 0;
  if (expected && rank !== expected.dims.length) {
    throw new IdxError(
      file,
      message('data.idx.wrongRank', { rank, expected: expected.dims.length }),
    );
  }
  const header = 4 + 4 * rank;
  if (bytes.length < header) {
    throw new IdxError(
      file,
      message('data.idx.headerTruncated', { rank, header, bytes: bytes.length }),
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, header);
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i, false));
  expected?.dims.forEach((want, i) => {
    if (want !== null && dims[i] !== want) {
      const shape = dims.join('×');
      throw new IdxError(
        file,
        message('data.idx.wrongDim', { dim: i + 1, size: dims[i]!, want, shape }),
      );
    }
  });
  const size = dims.reduce((product, d) => product * d, 1);
  const want = header + size;
  if (bytes.length !== want) {
    const what =
      bytes.length < want
        ? message('data.idx.truncated')
        : message('data.idx.trailing', { extra: bytes.length - want });
    throw new IdxError(
      file,
      message('data.idx.wrongSize', {
        want,
        header,
        dims: dims.join('×'),
        bytes: bytes.length,
        what,
      }),
    );
  }
  return { dims, data: bytes.subarray(header, want) };
}
