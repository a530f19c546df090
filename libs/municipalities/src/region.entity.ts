import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('regions')
export class Region {
  /** Official region code, 1081–1085. */
  @PrimaryColumn({ type: 'smallint' })
  code!: number;

  @Column({ type: 'text' })
  name!: string;
}
