import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Region } from './region.entity';

@Entity('municipalities')
export class Municipality {
  /** Official three-digit municipality code (e.g. 151 Ballerup). */
  @PrimaryColumn({ type: 'smallint' })
  code!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'smallint' })
  regionCode!: number;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Region;

  @Column({ type: 'integer' })
  population!: number;

  @Column({ type: 'smallint' })
  populationYear!: number;

  /** The municipality requires a second factor (TOTP or passkey) of its officers. */
  @Column({ type: 'boolean', default: false })
  officersMustUseMfa!: boolean;
}
