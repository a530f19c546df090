import { ApiProperty } from '@nestjs/swagger';
import type { MispAttribute, MispEvent } from '../export/misp-event';

// The documented shape of the MISP export (MISP core format). The classes implement the mapper's
// types, so a field added there and not here fails to compile.

export class MispTagDto {
  @ApiProperty({ example: 'rsit:fraud="phishing"', description: 'rsit: or tlp: machine tag' })
  name!: string;
}

export class MispOrgDto {
  @ApiProperty({ example: 'KommuneCERT' })
  name!: string;
}

export class MispAttributeDto implements MispAttribute {
  @ApiProperty({ enum: ['text', 'datetime'] })
  type!: 'text' | 'datetime';

  @ApiProperty({ enum: ['Other', 'Internal reference'] })
  category!: 'Other' | 'Internal reference';

  @ApiProperty()
  value!: string;

  @ApiProperty({ description: 'What the value is' })
  comment!: string;

  @ApiProperty({ enum: [false], description: 'Never an indicator for detection' })
  to_ids!: false;

  @ApiProperty({ enum: ['5'], description: 'Inherit the event’s distribution' })
  distribution!: '5';
}

export class MispEventBodyDto {
  @ApiProperty({ format: 'uuid', description: 'The incident’s id, so a new export updates the same event' })
  uuid!: string;

  @ApiProperty({ description: 'Reference, RSIT tag and region; never the incident’s title' })
  info!: string;

  @ApiProperty({ example: '2026-11-30', description: 'awareAt, as a Copenhagen date' })
  date!: string;

  @ApiProperty({ description: 'Last change, in seconds since 1970' })
  timestamp!: string;

  @ApiProperty({ enum: ['1', '2', '3'], description: 'From severity: critical and high 1, medium 2, low 3' })
  threat_level_id!: '1' | '2' | '3';

  @ApiProperty({ enum: ['0', '1', '2'], description: 'From status: initial, ongoing, completed' })
  analysis!: '0' | '1' | '2';

  @ApiProperty({ enum: ['1', '2', '3'], description: 'From TLP: amber 1, green 2, clear 3' })
  distribution!: '1' | '2' | '3';

  @ApiProperty({ enum: [false] })
  published!: false;

  @ApiProperty({ type: MispOrgDto })
  Orgc!: MispOrgDto;

  @ApiProperty({ type: [MispTagDto] })
  Tag!: MispTagDto[];

  @ApiProperty({ type: [MispAttributeDto] })
  Attribute!: MispAttributeDto[];
}

export class MispEventDto implements MispEvent {
  @ApiProperty({ type: MispEventBodyDto })
  Event!: MispEventBodyDto;
}
