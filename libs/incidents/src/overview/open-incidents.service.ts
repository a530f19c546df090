import { Injectable } from '@nestjs/common';
import { AccessPolicy, Permission, Principal } from '@app/auth';
import { Clock } from '@app/config';
import {
  DueObligationRow,
  OpenByMunicipalityRow,
  OpenCountsRow,
  OpenIncidentsRepository,
} from './open-incidents.repository';

/** Deadlines "soon": the regulatory clocks' shortest span (NIS2 early warning). */
export const DUE_SOON_HOURS = 24;
const TOP_MUNICIPALITIES = 10;
const DUE_SHOWN = 50;

export interface OpenIncidentsPicture {
  now: Date;
  dueSoonHours: number;
  /** Every region together. */
  total: Omit<OpenCountsRow, 'regionCode'>;
  byRegion: Map<number, Omit<OpenCountsRow, 'regionCode'>>;
  topMunicipalities: OpenByMunicipalityRow[];
  /** The obligations due within `dueSoonHours`, soonest first; `total` counts them all. */
  dueSoon: { total: number; rows: DueObligationRow[] };
}

const NONE = { open: 0, overdue: 0, dueWithin: 0 };

/**
 * The open incidents of every municipality at a glance, live: KommuneCERT's alone, as it names
 * municipalities' figures unsuppressed (the same permission as the unsuppressed statistics).
 */
@Injectable()
export class OpenIncidentsService {
  constructor(
    private readonly repo: OpenIncidentsRepository,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async picture(principal: Principal): Promise<OpenIncidentsPicture> {
    this.access.requireAccess(principal, Permission.IncidentStatisticsAllRead, {});
    const now = this.clock.now();
    const [counts, topMunicipalities, dueSoon] = await Promise.all([
      this.repo.counts(now, DUE_SOON_HOURS),
      this.repo.topMunicipalities(now, TOP_MUNICIPALITIES),
      this.repo.dueWithin(now, DUE_SOON_HOURS, DUE_SHOWN),
    ]);
    const strip = ({ regionCode: _r, ...c }: OpenCountsRow) => c;
    return {
      now,
      dueSoonHours: DUE_SOON_HOURS,
      total: strip(counts.find((c) => c.regionCode === null) ?? { regionCode: null, ...NONE }),
      byRegion: new Map(counts.filter((c) => c.regionCode !== null).map((c) => [c.regionCode!, strip(c)])),
      topMunicipalities,
      dueSoon,
    };
  }
}
