import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Edition } from './edition.entity';

/** `withdrawn`: a published edition went back to closed. */
export type EditionChange = 'opened' | 'closed' | 'published' | 'withdrawn';

export interface EditionListener {
  /** Inside the lifecycle transaction: record follow-up work in the database. */
  within?(m: EntityManager, edition: Edition, change: EditionChange): Promise<void>;
  /** After commit: start the follow-up work (a lost start is recovered from the database record). */
  after?(edition: Edition, change: EditionChange): Promise<void>;
}

/** Lets other features react to lifecycle changes without the editions code knowing them. */
@Injectable()
export class EditionEvents {
  private readonly listeners: EditionListener[] = [];

  subscribe(listener: EditionListener): void {
    this.listeners.push(listener);
  }

  async within(m: EntityManager, edition: Edition, change: EditionChange): Promise<void> {
    for (const l of this.listeners) await l.within?.(m, edition, change);
  }

  async after(edition: Edition, change: EditionChange): Promise<void> {
    for (const l of this.listeners) await l.after?.(edition, change);
  }
}
