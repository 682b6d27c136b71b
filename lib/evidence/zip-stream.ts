import { zipSync } from 'fflate';

/** Built from local components, so the ZIP's DOS time is the same in every time zone. */
export const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** The ZIP of a bundle: stored (not deflated) files with a fixed time, in the order given. */
export function zipFiles(files: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  const tree: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const [path, bytes] of files) tree[path] = [bytes, { level: 0 }];
  return zipSync(tree, { level: 0, mtime: ZIP_TIME });
}

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
function put32(b: Uint8Array, at: number, value: number) {
  b[at] = value & 255;
  b[at + 1] = (value >>> 8) & 255;
  b[at + 2] = (value >>> 16) & 255;
  b[at + 3] = (value >>> 24) & 255;
}

/**
 * Writes the same bytes as `zipFiles` for the same files, one file at a time:
 * only the file being added and the central directory (about 100 bytes a
 * file) are in memory, whatever the archive's size. Each file is framed by
 * fflate as a one-file archive, so its local header is exactly the one the
 * whole archive would hold; its central record is kept with the offset where
 * it really starts. (fflate's own streaming `Zip` writes data descriptors,
 * which the bundle format's byte-for-byte rebuild would not match.)
 */
export function zipWriter(write: (chunk: Uint8Array) => void | Promise<void>) {
  const central: Uint8Array[] = [];
  let offset = 0;
  let count = 0;
  return {
    async add(path: string, bytes: Uint8Array): Promise<void> {
      const single = zipSync({ [path]: [bytes, { level: 0 }] }, { level: 0, mtime: ZIP_TIME });
      const local = LOCAL_HEADER + u16(single, 26) + u16(single, 28) + u32(single, 18);
      const record = single.slice(local, single.length - END_RECORD);
      if (u32(record, 0) !== 0x02014b50 || record.length < CENTRAL_HEADER)
        throw new Error(`zip framing of ${path} not understood`);
      put32(record, 42, offset);
      central.push(record);
      count++;
      offset += local;
      await write(single.subarray(0, local));
    },
    /** Writes the central directory and the end record; the archive's size in bytes. */
    async finish(): Promise<number> {
      if (count > 0xffff || offset > 0xffffffff) throw new Error('bundle too large for a ZIP without ZIP64');
      const size = central.reduce((sum, r) => sum + r.length, 0);
      const end = new Uint8Array(END_RECORD);
      put32(end, 0, 0x06054b50);
      end[8] = end[10] = count & 255;
      end[9] = end[11] = count >>> 8;
      put32(end, 12, size);
      put32(end, 16, offset);
      for (const record of central) await write(record);
      await write(end);
      return offset + size + END_RECORD;
    },
  };
}
