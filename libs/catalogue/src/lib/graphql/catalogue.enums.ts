import { registerEnumType } from '@nestjs/graphql';

export enum OfferStatusCode {
  draft = 'draft',
  published = 'published',
  archived = 'archived',
}
registerEnumType(OfferStatusCode, { name: 'OfferStatus' });

export enum TaxonomyKindCode {
  process = 'process',
  material = 'material',
  certification = 'certification',
  nace = 'nace',
  product = 'product',
}
registerEnumType(TaxonomyKindCode, { name: 'TaxonomyKind' });

export enum CurrencyCode {
  PLN = 'PLN',
  EUR = 'EUR',
}
registerEnumType(CurrencyCode, { name: 'Currency' });

export enum QuantityUnit {
  pcs = 'pcs',
  kg = 'kg',
  t = 't',
  m2 = 'm2',
  m3 = 'm3',
  h = 'h',
  m = 'm',
}
registerEnumType(QuantityUnit, { name: 'QuantityUnit' });
