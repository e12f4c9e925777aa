/**
 * assertSafeXlsxZip(buffer, limits?) — checks an uploaded XLSX before ExcelJS sees it:
 * it must be a zip (an XLSX is one), have a sane number of entries, and inflate to a bounded size.
 * Declared sizes in the zip's central directory can lie, so every deflated entry is also inflated
 * with a hard output cap (zlib `maxOutputLength`) and its real size counted.
 * Throws `XlsxRejectedError` with a plain reason; returns the entry count and total size.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Largest upload accepted, bytes. */
  maxFileBytes: number;
  /** Most entries in the zip. */
  maxEntries: number;
  /** Largest total inflated size, bytes. */
  maxTotalUncompressedBytes: number;
  /** Largest inflated size of one entry, bytes. */
  maxEntryUncompressedBytes: number;
  /** Largest inflated/compressed ratio of an entry bigger than 1 MiB. */
  maxCompressionRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxEntries: 2_000,
  maxTotalUncompressedBytes: 200 * 1024 * 1024,
  maxEntryUncompressedBytes: 100 * 1024 * 1024,
  maxCompressionRatio: 200,
};

export class XlsxRejectedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'XlsxRejectedError';
  }
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const MiB = 1024 * 1024;

function findEndOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  return -1;
}

export function assertSafeXlsxZip(buffer: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): { entries: number; uncompressedBytes: number } {
  const reject = (reason: string): never => {
    throw new XlsxRejectedError(reason);
  };
  if (buffer.length === 0) reject('the file is empty');
  if (buffer.length > limits.maxFileBytes) reject(`the file is larger than ${Math.round(limits.maxFileBytes / MiB)} MiB`);
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== LOCAL_HEADER) reject('not an XLSX file: an XLSX workbook is a zip archive, and this file is not one');
  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd < 0) reject('not an XLSX file: the zip archive is truncated or damaged (no central directory)');
  const entries = buffer.readUInt16LE(eocd + 10);
  const directorySize = buffer.readUInt32LE(eocd + 12);
  const directoryOffset = buffer.readUInt32LE(eocd + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) reject('the zip archive uses ZIP64, which a workbook of this size never needs');
  if (entries > limits.maxEntries) reject(`the zip archive has ${entries} entries; a workbook has far fewer (limit ${limits.maxEntries})`);
  if (directoryOffset + directorySize > eocd) reject('not an XLSX file: the zip central directory is damaged');

  let total = 0;
  let p = directoryOffset;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== CENTRAL_HEADER) reject('not an XLSX file: the zip central directory is damaged');
    const method = buffer.readUInt16LE(p + 10);
    const compressed = buffer.readUInt32LE(p + 20);
    const declared = buffer.readUInt32LE(p + 24);
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    const localOffset = buffer.readUInt32LE(p + 42);
    const name = buffer.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    p += 46 + nameLength + extraLength + commentLength;

    if (compressed === 0xffffffff || declared === 0xffffffff) reject(`zip entry ${name} uses ZIP64 sizes`);
    if (declared > limits.maxEntryUncompressedBytes)
      reject(
        `zip entry ${name} would inflate to ${Math.round(declared / MiB)} MiB (limit ${Math.round(limits.maxEntryUncompressedBytes / MiB)} MiB): refusing a possible zip bomb`,
      );
    if (declared > MiB && declared / Math.max(1, compressed) > limits.maxCompressionRatio) {
      reject(`zip entry ${name} is compressed ${Math.round(declared / Math.max(1, compressed))}:1, far beyond a real workbook: refusing a possible zip bomb`);
    }
    total += declared;
    if (total > limits.maxTotalUncompressedBytes)
      reject(`the workbook would inflate to more than ${Math.round(limits.maxTotalUncompressedBytes / MiB)} MiB: refusing a possible zip bomb`);

    // Verify the declared size by inflating with a hard cap.
    if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== LOCAL_HEADER) reject(`not an XLSX file: zip entry ${name} is damaged`);
    const dataStart = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    if (dataStart + compressed > buffer.length) reject(`not an XLSX file: zip entry ${name} is truncated`);
    const data = buffer.subarray(dataStart, dataStart + compressed);
    if (method === 0) {
      if (compressed !== declared) reject(`zip entry ${name} is damaged (stored size mismatch)`);
    } else if (method === 8) {
      let actual = 0;
      try {
        actual = inflateRawSync(data, { maxOutputLength: Math.max(1, declared) }).length;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ERR_BUFFER_TOO_LARGE' || /larger than/i.test((error as Error).message)) {
          reject(`zip entry ${name} inflates beyond the size it declares: refusing a possible zip bomb`);
        }
        reject(`not an XLSX file: zip entry ${name} cannot be inflated (${(error as Error).message})`);
      }
      if (actual !== declared) reject(`zip entry ${name} inflates to ${actual} bytes but declares ${declared}: the archive is damaged or forged`);
    } else {
      reject(`zip entry ${name} uses compression method ${method}; a workbook uses deflate`);
    }
  }
  return { entries, uncompressedBytes: total };
}
