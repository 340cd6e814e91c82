// Backups that arrive in parts (route backups.writePart): the parts of each upload, kept in order until the last one
// arrives. An upload left unfinished (the window closed mid-backup) is dropped after a while, and the text held for
// all uploads together is capped, so a renderer cannot make main hold more than that.

export class BackupPartError extends TypeError {
  override name = 'BackupPartError';
}

interface Upload {
  parts: string[];
  chars: number;
  touchedAt: number;
}

export interface PartUploadLimits {
  /** characters held for all unfinished uploads together */
  maxChars: number;
  /** an upload with no part for this long is dropped */
  idleMs: number;
}

const DEFAULTS: PartUploadLimits = { maxChars: 1024 * 1024 * 1024, idleMs: 10 * 60_000 };

export class PartUploads {
  private readonly uploads = new Map<string, Upload>();
  private readonly limits: PartUploadLimits;

  constructor(limits: Partial<PartUploadLimits> = {}, private readonly now: () => number = Date.now) {
    this.limits = { ...DEFAULTS, ...limits };
  }

  /** Adds part `index` of `upload`; returns the whole text when it was the last part, else null. */
  add(upload: string, index: number, text: string, last: boolean): string | null {
    this.dropIdle();
    const u = this.uploads.get(upload) ?? { parts: [], chars: 0, touchedAt: 0 };
    if (index !== u.parts.length) {
      this.uploads.delete(upload);
      throw new BackupPartError(`backup part ${index} arrived where part ${u.parts.length} was expected: start the backup again`);
    }
    if (this.held() + text.length > this.limits.maxChars) {
      this.uploads.delete(upload);
      throw new BackupPartError('the backup is larger than Parley holds while it arrives');
    }
    u.parts.push(text);
    u.chars += text.length;
    u.touchedAt = this.now();
    if (!last) {
      this.uploads.set(upload, u);
      return null;
    }
    this.uploads.delete(upload);
    return u.parts.join('');
  }

  /** How many parts of `upload` have arrived (0 for one not begun or dropped). */
  received(upload: string): number {
    return this.uploads.get(upload)?.parts.length ?? 0;
  }

  private held(): number {
    let n = 0;
    for (const u of this.uploads.values()) n += u.chars;
    return n;
  }

  private dropIdle(): void {
    const cutoff = this.now() - this.limits.idleMs;
    for (const [id, u] of this.uploads) if (u.touchedAt < cutoff) this.uploads.delete(id);
  }
}
