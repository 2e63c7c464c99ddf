import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import { newRunId } from './ids';
import { cleanName, isSafeColor } from './limits';
import { continueRunColors } from './palette';
import type { RunLab, RunRecord } from './record';

/** The runs of every lab, kept in the browser (IndexedDB) across reloads. */
export interface RunHistory {
  /** Every run (of one lab, if given), oldest first. */
  list(lab?: RunLab): Promise<RunRecord[]>;
  get(id: string): Promise<RunRecord | undefined>;
  /** Adds a run, or replaces the one with the same id. */
  put(record: RunRecord): Promise<void>;
  /** Throws a RangeError for a blank name; a missing id is a no-op. */
  rename(id: string, name: string): Promise<void>;
  /** Throws a RangeError for a colour that is not a plain CSS colour; a missing id is a no-op. */
  setColor(id: string, color: string): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  /**
   * Adds runs (from an import) and returns how many. Nothing already there is ever overwritten:
   * a run whose id is taken (imported twice, or a copy of one still here) is added under a fresh id.
   */
  importRuns(records: readonly RunRecord[]): Promise<number>;
  /** Called after every change, made here or in another tab; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export const DEFAULT_DB_NAME = 'training-lab-runs';
const VERSION = 1;

interface RunsDb extends DBSchema {
  runs: {
    key: string;
    value: RunRecord;
    indexes: { lab: string; status: string; startedAt: number };
  };
}

const byStart = (a: RunRecord, b: RunRecord) => a.startedAt - b.startedAt;

/**
 * Opens (creating on first use) the run history in `factory` (the browser's indexedDB by default;
 * fake-indexeddb in tests). Runs still "running" belong to a page that crashed or was closed
 * mid-run (or to one training in another tab right now, which puts its status back at its next
 * save): they are marked "interrupted".
 */
export async function openRunHistory(
  factory: IDBFactory = indexedDB,
  dbName = DEFAULT_DB_NAME,
): Promise<RunHistory> {
  const request = factory.open(dbName, VERSION);
  request.addEventListener('upgradeneeded', () => {
    const store = request.result.createObjectStore('runs', { keyPath: 'id' });
    store.createIndex('lab', 'lab');
    store.createIndex('status', 'status');
    store.createIndex('startedAt', 'startedAt');
  });
  const db = (await wrap(request)) as IDBPDatabase<RunsDb>;
  // A newer version of the app opening in another tab must not wait for this one to close.
  db.addEventListener('versionchange', () => db.close());
  const history = new IdbRunHistory(db, dbName);
  await history.markInterrupted();
  continueRunColors(await db.count('runs'));
  return history;
}

class IdbRunHistory implements RunHistory {
  private readonly listeners = new Set<() => void>();
  private readonly channel: BroadcastChannel | null;

  constructor(
    private readonly db: IDBPDatabase<RunsDb>,
    dbName: string,
  ) {
    this.channel =
      typeof BroadcastChannel === 'function' ? new BroadcastChannel(`runs:${dbName}`) : null;
    if (this.channel) {
      this.channel.onmessage = () => this.notifyHere();
      // Node (the unit tests) would otherwise keep running for an open channel.
      (this.channel as { unref?: () => void }).unref?.();
    }
  }

  async markInterrupted(): Promise<void> {
    const tx = this.db.transaction('runs', 'readwrite');
    let changed = false;
    for (
      let cursor = await tx.store.index('status').openCursor('running');
      cursor;
      cursor = await cursor.continue()
    ) {
      await cursor.update({ ...cursor.value, status: 'interrupted' });
      changed = true;
    }
    await tx.done;
    if (changed) this.notify();
  }

  async list(lab?: RunLab): Promise<RunRecord[]> {
    if (lab === undefined) return this.db.getAllFromIndex('runs', 'startedAt');
    return (await this.db.getAllFromIndex('runs', 'lab', lab)).sort(byStart);
  }

  get(id: string): Promise<RunRecord | undefined> {
    return this.db.get('runs', id);
  }

  async put(record: RunRecord): Promise<void> {
    await this.db.put('runs', record);
    this.notify();
  }

  async rename(id: string, name: string): Promise<void> {
    const clean = cleanName(name);
    if (clean === null) throw new RangeError('a run needs a name');
    await this.change(id, { name: clean });
  }

  async setColor(id: string, color: string): Promise<void> {
    if (!isSafeColor(color)) throw new RangeError(`not a colour: ${color.slice(0, 40)}`);
    await this.change(id, { color });
  }

  private async change(id: string, patch: Pick<Partial<RunRecord>, 'name' | 'color'>) {
    const tx = this.db.transaction('runs', 'readwrite');
    const record = await tx.store.get(id);
    if (record) await tx.store.put({ ...record, ...patch });
    await tx.done;
    if (record) this.notify();
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const tx = this.db.transaction('runs', 'readwrite');
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    this.notify();
  }

  async importRuns(records: readonly RunRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    const tx = this.db.transaction('runs', 'readwrite');
    const taken = new Set<string>();
    for (const record of records) {
      let id = record.id;
      if (taken.has(id) || (await tx.store.getKey(id)) !== undefined) id = newRunId();
      taken.add(id);
      await tx.store.put({ ...record, id });
    }
    await tx.done;
    this.notify();
    return records.length;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    this.notifyHere();
    this.channel?.postMessage('changed');
  }

  private notifyHere(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (err) {
        console.error('run history listener failed', err);
      }
    }
  }
}
