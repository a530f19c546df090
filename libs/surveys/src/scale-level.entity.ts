import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Edition } from './edition.entity';

/** One labelled level of an edition's answer scale (1 "ad hoc" … 5 "optimeret"). */
@Entity('scale_levels')
export class ScaleLevel {
  @PrimaryColumn({ type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Edition;

  @PrimaryColumn({ type: 'smallint' })
  value!: number;

  @Column({ type: 'text' })
  labelDa!: string;

  @Column({ type: 'text', nullable: true })
  labelEn!: string | null;

  @Column({ type: 'text' })
  descriptionDa!: string;

  @Column({ type: 'text', nullable: true })
  descriptionEn!: string | null;
}
