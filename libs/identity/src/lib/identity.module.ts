import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IDENTITY_ENTITIES } from './identity.entities';
import { AccessService } from './access/access.service';
import { AuthService } from './auth/auth.service';
import { TokenService } from './auth/token.service';
import { ClusterService } from './cluster/cluster.service';
import { FirmService } from './firm/firm.service';
import { UserService } from './user/user.service';

/** Identity services: users and sessions, firms, clusters, roles. Needs the DataSource and KOOPERANT_CONFIG. */
@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
  providers: [AccessService, TokenService, AuthService, FirmService, ClusterService, UserService],
  exports: [AccessService, TokenService, AuthService, FirmService, ClusterService, UserService],
})
export class IdentityModule {}
