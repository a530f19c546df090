import { ApiProperty } from '@nestjs/swagger';

const NUM = { nullable: true, type: Number } as const;

/** One maturity quartile's incident rate; never its boundaries or any municipality's index. */
export class IncidentQuartileDto {
  @ApiProperty({ description: '1 = the lowest overall index … 4 = the highest' })
  quartile!: number;

  @ApiProperty({ ...NUM, description: 'Participating municipalities in the quartile; null when hidden' })
  municipalities!: number | null;

  @ApiProperty({ description: 'The municipality count is hidden (fewer than K, or its complement)' })
  municipalitiesSuppressed!: boolean;

  @ApiProperty({
    ...NUM,
    description: "Incidents in the edition's year per 10,000 inhabitants of the quartile",
  })
  incidentsPer10k!: number | null;

  @ApiProperty({
    description: 'The rate is hidden (fewer than K municipalities with incidents, or its complement)',
  })
  suppressed!: boolean;
}

/** All 98 municipalities together, participants or not: the national rate of the year. */
export class IncidentRateDto {
  @ApiProperty(NUM)
  incidentsPer10k!: number | null;

  @ApiProperty()
  suppressed!: boolean;
}

/**
 * The national report's incidents by maturity quartile (docs/statistics.md): the incident log's
 * counted incidents of the edition's year, per quartile of the participants' overall index.
 */
export class IncidentQuartilesDto {
  @ApiProperty({ description: "The edition's year: incidents with awareAt in it (Danish time)" })
  year!: number;

  @ApiProperty({ description: 'The whole section is hidden (fewer than K participants)' })
  suppressed!: boolean;

  @ApiProperty({ type: IncidentRateDto })
  national!: IncidentRateDto;

  @ApiProperty({ type: [IncidentQuartileDto] })
  quartiles!: IncidentQuartileDto[];
}
