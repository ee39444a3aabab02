/**
 * Reading and writing workbook files in a folder that others write to as well (a client folder on
 * a share). The one way NL Aftrek reads an input and writes an output:
 *
 * - it reads only a regular file (never a device, a FIFO or a socket: refused before they are
 *   opened), and no more than a limit, counted by what it actually read, not by what `stat` says;
 * - it writes a new file under an unpredictable temporary name, created exclusively (a symbolic
 *   link or file already at that name is never followed or reused), flushed to the disk with the
 *   folder, then renamed over the target in one step; a symbolic link at the output name is refused,
 *   not followed, and an output that is an input (the same device and file number, whatever the
 *   path) is never written;
 * - it removes the temporary files of earlier runs that were stopped half-way (kill -9, a crash) when
 *   they are provably its own: its name pattern, this machine, a process that no longer runs, a
 *   regular file of this user.
 */
import { createHash, randomBytes } from "crypto";
import { constants, promises as fs, Stats } from "fs";
import { hostname } from "os";
import { basename, dirname, join } from "path";
import { WorkbookError } from "./errors";

/** What makes a file the same file, whatever the path it was reached by; and whether it changed. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

const identityOf = (stat: Stats): FileIdentity => ({
  dev: stat.dev,
  ino: stat.ino,
  size: stat.size,
  mtimeMs: stat.mtimeMs,
});

/** The same file (device and file number), whatever its path. */
export const sameFile = (a: FileIdentity, b: FileIdentity): boolean => a.dev === b.dev && a.ino === b.ino;

/** The same file, unchanged since `a` was taken. */
const unchanged = (a: FileIdentity, b: FileIdentity): boolean =>
  sameFile(a, b) && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** The identity of the file a path names (through symbolic links), or null when there is none. */
export async function fileIdentity(path: string): Promise<FileIdentity | null> {
  try {
    return identityOf(await fs.stat(path));
  } catch {
    return null;
  }
}

/** Why an operation on `path` failed, in Dutch: by the operating system's code, never its English text. */
export function fileProblem(error: unknown, folder?: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case "ENOENT":
      return folder ? `de map ${folder} bestaat niet` : "niet gevonden";
    case "ENOTDIR":
      return "een deel van het pad is geen map maar een bestand";
    case "EACCES":
      return folder ? `geen toestemming om in ${folder} te schrijven` : "geen toestemming";
    case "EPERM":
      return "geen toestemming; is het bestand misschien geopend in Excel?";
    case "EBUSY":
      return "het bestand is in gebruik, misschien geopend in Excel";
    case "ENOSPC":
      return "de schijf is vol";
    case "EDQUOT":
      return "uw schijfruimte (quotum) is op";
    case "EROFS":
      return "de schijf is alleen-lezen";
    case "EISDIR":
      return "dat is een map";
    case "EEXIST":
      return "er staat al een bestand met die naam";
    case "ENAMETOOLONG":
      return "de naam of het pad is te lang voor het bestandssysteem";
    case "ELOOP":
      return "te veel symbolische koppelingen achter elkaar (een kring?)";
    case "EMFILE":
    case "ENFILE":
      return "te veel bestanden tegelijk open";
    case "EIO":
      return "lees- of schrijffout van de schijf";
    case "ENOMEM":
      return "te weinig geheugen";
    case "ETIMEDOUT":
    case "EHOSTDOWN":
    case "ENETUNREACH":
    case "ECONNRESET":
    case "ESTALE":
      return "de netwerkschijf antwoordt niet (meer)";
    default:
      return code ? `systeemfout ${code}` : "onbekende oorzaak";
  }
}

/** What a file that is neither a regular file nor a folder is, in words. */
function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return "een FIFO (named pipe)";
  if (stat.isSocket()) return "een socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "een apparaat";
  if (stat.isSymbolicLink()) return "een symbolische koppeling";
  return "geen gewoon bestand";
}

// Flags that are 0 where the system has none (Windows): opening a FIFO then cannot block, a
// symbolic link at a temporary name is never followed.
const NONBLOCK = constants.O_NONBLOCK ?? 0;
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const DIRECTORY = constants.O_DIRECTORY ?? 0;

export interface ReadFile {
  readonly data: Buffer;
  /** The file as it was read, to see later whether it is still the same. */
  readonly identity: FileIdentity;
}

/**
 * The bytes of a regular file, at most `limit` of them. A device, FIFO or socket is refused before it
 * is opened (and once more after, should it have been swapped in between); a file that grows past
 * the limit while it is read is refused when it does, whatever `stat` said at the start.
 * `tooBig` says, in Dutch, what a file over the limit is.
 */
export async function readRegularFile(file: string, limit: number, tooBig: string): Promise<ReadFile> {
  let stat: Stats;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new WorkbookError(
      `${file}: ${code === "ENOENT" ? "bestand niet gevonden" : `bestand niet leesbaar (${fileProblem(error)})`}.`,
    );
  }
  if (stat.isDirectory()) throw new WorkbookError(`${file}: is een map, geen werkmap.`);
  if (!stat.isFile()) throw notRegular(file, stat);
  if (stat.size > limit) throw new WorkbookError(`${basename(file)}: ${tooBig}`);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | NONBLOCK);
  } catch (error) {
    throw new WorkbookError(`${file}: bestand niet leesbaar (${fileProblem(error)}).`);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw notRegular(file, opened);
    // One byte more than the file holds, to see that it ends there; more room only when it grows.
    let buffer = Buffer.allocUnsafe(Math.min(opened.size, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) throw new WorkbookError(`${basename(file)}: ${tooBig}`);
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit) throw new WorkbookError(`${basename(file)}: ${tooBig}`);
    return { data: buffer.subarray(0, length), identity: identityOf(opened) };
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError(`${file}: bestand niet leesbaar (${fileProblem(error)}).`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function notRegular(file: string, stat: Stats): WorkbookError {
  return new WorkbookError(
    `${file}: is ${kindOf(stat)}, geen gewoon bestand; NL Aftrek leest alleen werkmapbestanden (er is niets gelezen of geschreven).`,
  );
}

export interface WriteOptions {
  /**
   * The input file as it was read, when the output replaces it (--in-place): the output's path may
   * be a symbolic link the user named, which is followed to the file itself; that file must still
   * be the one that was read, unchanged, or nothing is written.
   */
  readonly replaces?: FileIdentity;
  /** Files that must not be overwritten (the input, when the output is another file). */
  readonly keep?: readonly FileIdentity[];
}

/** Ours: `.<name>.<machine>-<process>-<random>.nl-aftrek.tmp`. */
const TEMP = /^\..*\.([0-9a-f]{8})-(\d+)-[0-9a-f]{16}\.nl-aftrek\.tmp$/;
/** A temporary file of a run on another machine (which may still be writing it) is left for a day. */
const FOREIGN_AGE_MS = 24 * 60 * 60 * 1000;

let machineId: string | null = null;
/** This machine, as 8 hex digits of its name (a share's folder may be written from several). */
function machine(): string {
  machineId ??= createHash("sha256").update(hostname()).digest("hex").slice(0, 8);
  return machineId;
}

/** A temporary name for `target` in its folder: unpredictable, and short enough for any file system. */
export function temporaryName(target: string): string {
  // The target's name first, for a person who sees it, cut so that the whole stays under 255 bytes.
  let name = basename(target);
  while (Buffer.byteLength(name) > 120) name = [...name].slice(0, -1).join("");
  return `.${name}.${machine()}-${process.pid}-${randomBytes(8).toString("hex")}.nl-aftrek.tmp`;
}

function processRuns(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // it runs, as another user
  }
}

const cleaned = new Set<string>();

/**
 * Removes what earlier runs stopped half-way left in `folder`: files that are provably our temporary
 * files (our name pattern, a regular file of this user, made on this machine by a process that is
 * no longer running, or on another machine more than a day ago). Once a folder per process; a
 * failure here never stops the work.
 */
export async function removeLeftovers(folder: string): Promise<void> {
  if (cleaned.has(folder)) return;
  cleaned.add(folder);
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m) continue;
    const path = join(folder, name);
    try {
      const stat = await fs.lstat(path);
      if (!stat.isFile() || (uid !== undefined && stat.uid !== uid)) continue;
      const ours = m[1] === machine() ? !processRuns(Number(m[2])) : Date.now() - stat.mtimeMs > FOREIGN_AGE_MS;
      if (ours) await fs.unlink(path);
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/**
 * Removes the temporary files this process made for `target` (a worker stopped while writing it
 * leaves one; no other run uses this process's number on this machine).
 */
export async function removeOwnTemporaries(target: string): Promise<void> {
  const real = await fs.realpath(target).catch(() => target);
  const folder = dirname(real);
  const prefix = temporaryName(real).replace(/[0-9a-f]{16}\.nl-aftrek\.tmp$/, "");
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(prefix) && TEMP.test(name)) await fs.unlink(join(folder, name)).catch(() => undefined);
  }
}

/**
 * Writes `bytes` to `target` so that the target is either as it was or complete: a temporary file
 * beside it, created exclusively under an unpredictable name, written and flushed to the disk, then
 * renamed over the target, and the folder flushed so the rename itself survives a power cut.
 * A failure is a WorkbookError in Dutch; the target is then as it was and no temporary file stays.
 */
export async function writeFileSafely(target: string, bytes: Buffer, options: WriteOptions = {}): Promise<void> {
  const fail = (why: string): WorkbookError =>
    new WorkbookError(`Schrijven naar ${target} is mislukt (${why}); het doelbestand is niet gewijzigd.`);
  let real = target;
  let mode: number | undefined;
  if (options.replaces) {
    try {
      real = await fs.realpath(target);
      const now = await fs.lstat(real);
      if (!now.isFile() || !unchanged(options.replaces, identityOf(now))) throw changedMeanwhile(target);
      mode = now.mode & 0o7777;
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      throw fail(fileProblem(error, dirname(target)));
    }
  } else {
    let now: Stats | null = null;
    try {
      now = await fs.lstat(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw fail(fileProblem(error, dirname(target)));
    }
    if (now?.isSymbolicLink()) {
      throw new WorkbookError(
        `${target} is een symbolische koppeling; NL Aftrek schrijft niet door een koppeling heen en vervangt haar niet. Verwijder de koppeling of kies met -o een andere naam; er is niets geschreven.`,
      );
    }
    if (now?.isDirectory()) throw fail("dat is een map");
    if (now && !now.isFile()) throw fail(`daar staat ${kindOf(now)}, geen gewoon bestand`);
    if (now && options.keep?.some((k) => sameFile(k, identityOf(now)))) {
      throw new WorkbookError(
        `${target} is (een koppeling naar) het invoerbestand; dat wordt alleen met --in-place overschreven. Er is niets geschreven.`,
      );
    }
    if (now) mode = now.mode & 0o7777;
  }
  const folder = dirname(real);
  await removeLeftovers(folder);
  let temp = "";
  let handle: fs.FileHandle | null = null;
  try {
    // A name that is taken (by anything: a file, a symbolic link) is never opened; another is tried.
    for (let attempt = 0; handle === null; attempt++) {
      temp = join(folder, temporaryName(real));
      try {
        handle = await fs.open(
          temp,
          constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW,
          mode ?? 0o666,
        );
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 9) {
          temp = "";
          throw error;
        }
      }
    }
    for (let at = 0; at < bytes.length;) {
      const { bytesWritten } = await handle.write(bytes, at, bytes.length - at);
      at += bytesWritten;
    }
    if (mode !== undefined) await handle.chmod(mode);
    await handle.sync();
    await handle.close();
    handle = null;
    if (options.replaces) {
      // Someone may have saved the file (in Excel, say) while it was recalculated: that is kept.
      const now = await fs.lstat(real);
      if (!now.isFile() || !unchanged(options.replaces, identityOf(now))) throw changedMeanwhile(target);
    }
    await fs.rename(temp, real);
    temp = "";
    await syncFolder(folder);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    if (temp) await fs.unlink(temp).catch(() => undefined);
    if (error instanceof WorkbookError) throw error;
    throw fail(fileProblem(error, folder));
  }
}

function changedMeanwhile(target: string): WorkbookError {
  return new WorkbookError(
    `${target} is tijdens het herberekenen gewijzigd of vervangen (door iemand anders, of in Excel opgeslagen); die versie blijft staan en er is niets geschreven. Herbereken opnieuw.`,
  );
}

/** Flushes a folder's entries (the rename) to the disk; where a system cannot (Windows), it has done so itself. */
async function syncFolder(folder: string): Promise<void> {
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(folder, constants.O_RDONLY | DIRECTORY);
    await handle.sync();
  } catch {
    // not supported for folders here
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
