import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { MunicipalitiesService } from './municipalities.service';

/** Every API start makes sure the shipped reference list is in the database (idempotent upsert). */
@Injectable()
export class ReferenceDataLoader implements OnApplicationBootstrap {
  constructor(private readonly municipalities: MunicipalitiesService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.municipalities.loadReferenceData();
  }
}
