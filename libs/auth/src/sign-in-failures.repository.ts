import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class SignInFailuresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(email: string, address: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO sign_in_failures (email, address) VALUES ($1, $2)`, [
      email,
      address,
    ]);
  }

  /** Failures within the window for this account and for this address, and when the oldest expires. */
  async countRecent(email: string, address: string, windowSeconds: number) {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS "byAccount",
              count(*) FILTER (WHERE address = $2)::int AS "byAddress",
              extract(epoch FROM min(at) + make_interval(secs => $3) - now())::int AS "retryAfter"
       FROM sign_in_failures
       WHERE (email = $1 OR address = $2) AND at > now() - make_interval(secs => $3)`,
      [email, address, windowSeconds],
    );
    return row as { byAccount: number; byAddress: number; retryAfter: number | null };
  }

  async clearAccount(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_failures WHERE email = $1`, [email]);
  }
}
