import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last reference number given out per year. Taken with a row-locking upsert in the transaction
 * that inserts the incident, so concurrent reports queue on the row and a rollback returns the
 * number: the references have no gaps.
 */
@Entity('incident_reference_counters')
export class IncidentReferenceCounter {
  @PrimaryColumn({ type: 'smallint' })
  year!: number;

  @Column({ type: 'integer' })
  last!: number;
}
