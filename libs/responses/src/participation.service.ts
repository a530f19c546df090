import { Injectable } from '@nestjs/common';
import { EditionsService } from '@app/surveys';
import type { ParticipationDto } from './dto/responses.response';
import { ResponsesRepository } from './responses.repository';

/** Who has taken part, for KL: status and progress per municipality, never what was answered. */
@Injectable()
export class ParticipationService {
  constructor(
    private readonly responses: ResponsesRepository,
    private readonly editions: EditionsService,
  ) {}

  async forEdition(editionId: string): Promise<ParticipationDto> {
    const edition = await this.editions.require(editionId);
    const municipalities = await this.responses.participation(editionId);
    const count = (s: string) => municipalities.filter((m) => m.status === s).length;
    return {
      edition: { id: edition.id, year: edition.year, status: edition.status, closesAt: edition.closesAt },
      summary: {
        municipalities: municipalities.length,
        submitted: count('submitted'),
        inProgress: count('in_progress'),
        notStarted: count('not_started'),
      },
      municipalities,
    };
  }
}
