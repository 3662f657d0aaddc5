import { open, stat, type FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { setTimeout as sleep } from 'node:timers/promises';

export interface TailOptions {
  /** Keep reading as the file grows, until `signal` aborts; otherwise stop at its end. */
  follow: boolean;
  /** How often to look for growth and rotation. */
  pollMs: number;
  signal?: AbortSignal;
}

const CHUNK_BYTES = 1 << 20;

/**
 * A file's lines in batches, as `tail -F` would see them: an unterminated last line waits for
 * its newline (at the end of a read-once file it is a line); a rotation — the path now names
 * another file (renamed and recreated) or the file shrank (truncated) — finishes the old file,
 * then reads the new one from its start. A truncation followed, within one poll, by more
 * writes than the old size goes unnoticed, as with `tail -F`.
 */
export async function* tailLines(path: string, options: TailOptions): AsyncGenerator<string[]> {
  const { signal } = options;
  let reader = await LineReader.open(path);
  try {
    for (;;) {
      for (let lines = await reader.read(); lines !== null; lines = await reader.read()) {
        if (signal?.aborted) return;
        if (lines.length > 0) yield lines;
      }
      if (signal?.aborted) return;
      if (!options.follow) {
        const last = reader.takeRest();
        if (last !== '') yield [last];
        return;
      }
      try {
        await sleep(options.pollMs, undefined, { signal });
      } catch {
        return;
      }
      const rotation = await rotationOf(path, reader);
      if (rotation === undefined) continue;
      // The old file may have grown before it was moved away: finish it first.
      for (let lines = await reader.read(); lines !== null; lines = await reader.read()) if (lines.length > 0) yield lines;
      const last = reader.takeRest();
      if (last !== '') yield [last];
      if (rotation === 'truncated') reader.rewind();
      else {
        const next = await LineReader.open(path);
        await reader.close();
        reader = next;
      }
    }
  } finally {
    await reader.close();
  }
}

async function rotationOf(path: string, reader: LineReader): Promise<'renamed' | 'truncated' | undefined> {
  const now = await stat(path).catch((error: NodeJS.ErrnoException) => {
    // Renamed away, not yet recreated: keep reading the old file until the new one appears.
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (now === undefined) return undefined;
  if (now.ino !== reader.inode) return 'renamed';
  return now.size < reader.position ? 'truncated' : undefined;
}

class LineReader {
  position = 0;
  private decoder = new StringDecoder('utf8');
  private rest = '';
  private readonly buffer = Buffer.alloc(CHUNK_BYTES);

  private constructor(
    private readonly file: FileHandle,
    readonly inode: number,
  ) {}

  static async open(path: string): Promise<LineReader> {
    const file = await open(path, 'r');
    return new LineReader(file, (await file.stat()).ino);
  }

  /** The complete lines of the next chunk, or null at the end of the file for now. */
  async read(): Promise<string[] | null> {
    const { bytesRead } = await this.file.read(this.buffer, 0, CHUNK_BYTES, this.position);
    if (bytesRead === 0) return null;
    this.position += bytesRead;
    const lines = (this.rest + this.decoder.write(this.buffer.subarray(0, bytesRead))).split('\n');
    this.rest = lines.pop() ?? '';
    return lines.map((line) => line.replace(/\r$/, ''));
  }

  takeRest(): string {
    const rest = (this.rest + this.decoder.end()).replace(/\r$/, '');
    this.rest = '';
    this.decoder = new StringDecoder('utf8');
    return rest;
  }

  rewind(): void {
    this.position = 0;
  }

  async close(): Promise<void> {
    await this.file.close();
  }
}
