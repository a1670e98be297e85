import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessService, TokenService, type Actor } from '@kooperant/identity';
import { DomainError } from '@kooperant/platform-errors';
import type { Locale } from '@kooperant/platform-i18n';
import { clusterReportCsv, kpiTableCsv, MetricsQueryService, ReportPdfRenderer } from '@kooperant/metrics';
import { verifiedUserId } from '../documents/bearer-auth';
import { attachmentDisposition } from '../documents/content-disposition';
import { HttpErrorFilter } from '../documents/http-error.filter';

const LOCALES: readonly Locale[] = ['en', 'pl', 'lt'];

/**
 * The cooperation KPIs as files a coordinator attaches to a cluster-label application or a funding report: the
 * periodic report (PDF, one page) and KPI tables (CSV). Thin: the caller from the Bearer token, one MetricsQueryService
 * call, a renderer of libs/metrics.
 */
@Controller('metrics/clusters/:clusterId')
@UseFilters(new HttpErrorFilter())
export class MetricsDownloadsController {
  constructor(
    private readonly tokens: TokenService,
    private readonly access: AccessService,
    private readonly metrics: MetricsQueryService,
    private readonly pdf: ReportPdfRenderer,
  ) {}

  /** `GET /metrics/clusters/:clusterId/report.pdf?period=2026-Q1&lang=pl`: the periodic report. */
  @Get('report.pdf')
  async report(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('clusterId') clusterId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const actor = await this.actorOf(request);
    const locale = localeOf(query);
    const period = text(query, 'period');
    const data = await this.metrics.clusterReport(actor, uuid(clusterId), period);
    send(reply, 'application/pdf', `kooperant-${period}-${locale}.pdf`, await this.pdf.render(data, locale));
  }

  /**
   * `GET /metrics/clusters/:clusterId/kpis.csv?from=2026-01&to=2026-12&lang=pl`: every KPI of the cluster and its
   * partner per period; `?period=2026-Q1` instead gives the table of that period's report.
   */
  @Get('kpis.csv')
  async table(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('clusterId') clusterId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const actor = await this.actorOf(request);
    const locale = localeOf(query);
    if (query['period'] !== undefined) {
      const period = text(query, 'period');
      const data = await this.metrics.clusterReport(actor, uuid(clusterId), period);
      send(reply, 'text/csv; charset=utf-8', `kooperant-${period}-${locale}.csv`, clusterReportCsv(data, locale));
      return;
    }
    const { periods, rows } = await this.metrics.clusterTable(
      actor,
      uuid(clusterId),
      text(query, 'from'),
      text(query, 'to'),
      locale,
    );
    const file = `kooperant-${periods[0]}-${periods[periods.length - 1]}-${locale}.csv`;
    send(reply, 'text/csv; charset=utf-8', file, kpiTableCsv(rows, locale));
  }

  private async actorOf(request: FastifyRequest): Promise<Actor> {
    return this.access.actorFor(await verifiedUserId(this.tokens, request.headers.authorization));
  }
}

function send(reply: FastifyReply, type: string, fileName: string, bytes: Buffer): void {
  void reply
    .code(200)
    .header('content-type', type)
    .header('content-length', String(bytes.length))
    .header('content-disposition', attachmentDisposition(fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(bytes);
}

function text(query: Record<string, unknown>, name: string): string {
  const value = query[name];
  if (typeof value !== 'string' || !value) throw DomainError.invalid(name, 'REQUIRED', `Give ${name} once.`);
  return value;
}

function localeOf(query: Record<string, unknown>): Locale {
  const lang = query['lang'] ?? 'en';
  if (typeof lang !== 'string' || !LOCALES.includes(lang as Locale)) {
    throw DomainError.invalid('lang', 'UNKNOWN', 'lang is en, pl or lt.');
  }
  return lang as Locale;
}

function uuid(id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw DomainError.invalid('clusterId', 'FORMAT', 'Not a cluster id.');
  }
  return id.toLowerCase();
}
