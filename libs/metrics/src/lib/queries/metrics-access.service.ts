import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@kooperant/platform-errors';
import type { LocalizedText } from '@kooperant/platform-i18n';
import type { Actor } from '@kooperant/identity';
import type { MetricsCountry } from '../core/periods';
import type { ReportCluster } from '../reports/cluster-report-data';

export interface MetricsFirm {
  id: string;
  name: string;
  country: MetricsCountry;
}

/**
 * Who reads which KPIs. A cluster's: the coordinators of that cluster and of its partner (they work side by side). A
 * firm's: its members and the coordinators of the clusters it is a verified member of (for its activity, also the
 * coordinators of those clusters' partner clusters). Platform admins read everything. Anyone else finds no such
 * cluster or firm, as for another firm's objects anywhere.
 */
@Injectable()
export class MetricsAccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The cluster and its partner, if the actor coordinates either (or is a platform admin); else CLUSTER_NOT_FOUND. */
  async readableCluster(
    actor: Actor,
    clusterId: string,
  ): Promise<{ cluster: ReportCluster; partner: ReportCluster | null }> {
    const roles = await actor.roles();
    const rows: { id: string; name: LocalizedText; country: string; partner_cluster_id: string | null }[] =
      await this.db.query(
        `SELECT c.id, c.name, c.country, c.partner_cluster_id FROM cluster c
         WHERE c.id = $1 OR c.id = (SELECT partner_cluster_id FROM cluster WHERE id = $1)`,
        [clusterId],
      );
    const own = rows.find((r) => r.id === clusterId);
    const partner = own?.partner_cluster_id ? rows.find((r) => r.id === own.partner_cluster_id) : undefined;
    const allowed =
      roles.platformAdmin || roles.coordinatorOf.has(clusterId) || (!!partner && roles.coordinatorOf.has(partner.id));
    if (!own || !allowed) throw DomainError.notFound('Cluster', 'CLUSTER_NOT_FOUND');
    const asReport = (r: (typeof rows)[number]): ReportCluster => ({
      id: r.id,
      name: r.name,
      country: r.country.trim() as MetricsCountry,
    });
    return { cluster: asReport(own), partner: partner ? asReport(partner) : null };
  }

  /**
   * The firm, if the actor is one of its members, coordinates a cluster it is a verified member of (or, with
   * `partnerCoordinators`, that cluster's partner cluster), or is a platform admin; else FIRM_NOT_FOUND.
   */
  async readableFirm(actor: Actor, firmId: string, opts: { partnerCoordinators?: boolean } = {}): Promise<MetricsFirm> {
    const roles = await actor.roles();
    const [firm]: { id: string; name: string; country: string; coordinated: boolean }[] = await this.db.query(
      `SELECT f.id, f.name, f.country,
              EXISTS (SELECT 1 FROM cluster_membership m JOIN cluster c ON c.id = m.cluster_id
                      WHERE m.firm_id = f.id AND m.status = 'verified'
                        AND (c.id = ANY($2::uuid[]) OR ($3 AND c.partner_cluster_id = ANY($2::uuid[])))) AS coordinated
       FROM firm f WHERE f.id = $1`,
      [firmId, [...roles.coordinatorOf], opts.partnerCoordinators === true],
    );
    if (!firm || !(roles.platformAdmin || roles.firms.has(firmId) || firm.coordinated))
      throw DomainError.notFound('Firm', 'FIRM_NOT_FOUND');
    return { id: firm.id, name: firm.name, country: firm.country.trim() as MetricsCountry };
  }
}
