import { Module } from '@nestjs/common';
import { AccessPolicy } from './access-policy';

/** The access policy alone, so that every feature lib can import it without the sign-in machinery. */
@Module({ providers: [AccessPolicy], exports: [AccessPolicy] })
export class AccessModule {}
