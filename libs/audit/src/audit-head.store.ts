import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfigService } from '@app/config';
import type { AuditHead } from './audit-chain';

/**
 * Where signed chain heads live: outside the database, so that whoever controls the database can
 * neither see nor roll back what the chain looked like. A file keeps every head (one JSON line
 * each); a URL receives each head as a POST, e.g. a write-once store on another host.
 */
@Injectable()
export class AuditHeadStore {
  private readonly logger = new Logger(AuditHeadStore.name);

  constructor(private readonly config: AppConfigService) {}

  async publish(head: AuditHead): Promise<void> {
    const { headFile, headUrl } = this.config.audit;
    if (!headFile && !headUrl) {
      this.logger.warn('Neither AUDIT_HEAD_FILE nor AUDIT_HEAD_URL is set: the chain head is not kept');
    }
    if (headFile) {
      await mkdir(dirname(headFile), { recursive: true });
      await appendFile(headFile, `${JSON.stringify(head)}\n`, { mode: 0o600 });
    }
    if (headUrl) {
      const res = await fetch(headUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(head),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`AUDIT_HEAD_URL answered ${res.status}`);
    }
  }

  /** The newest head in AUDIT_HEAD_FILE, or null when there is none yet. */
  async latest(): Promise<AuditHead | null> {
    const { headFile } = this.config.audit;
    if (!headFile) return null;
    const text = await readFile(headFile, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return '';
      throw e;
    });
    const last = text.trimEnd().split('\n').pop();
    return last ? (JSON.parse(last) as AuditHead) : null;
  }
}
