import { Injectable } from '@nestjs/common';
import type { FileToSend } from '@app/http';
import { EditionsService } from '@app/surveys';
import type { ParticipationDto } from './dto/responses.response';
import {
  participationCsv,
  ParticipationExportFormat,
  PARTICIPATION_EXPORT_TYPES,
  participationXlsx,
} from './participation-export';
import { ParticipationQuery, selectParticipation } from './participation-query';
import { ResponsesRepository } from './responses.repository';

/** Who has taken part, for KL: status and progress per municipality, never what was answered. */
@Injectable()
export class ParticipationService {
  constructor(
    private readonly responses: ResponsesRepository,
    private readonly editions: EditionsService,
  ) {}

  /** The summary counts all municipalities; the list holds those the query selects, in its order. */
  async forEdition(editionId: string, query: ParticipationQuery = {}): Promise<ParticipationDto> {
    const edition = await this.editions.require(editionId);
    const all = await this.responses.participation(editionId);
    const count = (s: string) => all.filter((m) => m.status === s).length;
    return {
      edition: {
        id: edition.id,
        year: edition.year,
        title: edition.title,
        status: edition.status,
        closesAt: edition.closesAt,
      },
      summary: {
        municipalities: all.length,
        submitted: count('submitted'),
        inProgress: count('in_progress'),
        notStarted: count('not_started'),
      },
      municipalities: selectParticipation(all, query),
    };
  }

  /** The selected rows as a Danish CSV or an XLSX workbook. */
  async export(
    editionId: string,
    query: ParticipationQuery,
    format: ParticipationExportFormat,
  ): Promise<FileToSend> {
    const { edition, municipalities } = await this.forEdition(editionId, query);
    const title = `Deltagelse i ${edition.title}`;
    return {
      content:
        format === 'csv' ? participationCsv(municipalities) : await participationXlsx(municipalities, title),
      contentType: PARTICIPATION_EXPORT_TYPES[format],
      filename: `baseline-${edition.year}-deltagelse.${format}`,
      disposition: 'attachment',
    };
  }
}
