import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Edition } from './edition.entity';

@Entity('areas')
@Index('UQ_areas_edition_key', ['editionId', 'key'], { unique: true })
export class Area {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Edition;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'text' })
  titleDa!: string;

  @Column({ type: 'text', nullable: true })
  titleEn!: string | null;

  @Column({ type: 'text', nullable: true })
  descriptionDa!: string | null;

  @Column({ type: 'text', nullable: true })
  descriptionEn!: string | null;

  @Column({ type: 'text', nullable: true })
  nis2Ref!: string | null;

  @Column({ type: 'numeric', precision: 6, scale: 3, default: 1 })
  weight!: string;
}
