import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A recurring survey (Baseline); its yearly runs are editions. */
@Entity('surveys')
export class Survey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('UQ_surveys_key', { unique: true })
  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  title!: string;
}
