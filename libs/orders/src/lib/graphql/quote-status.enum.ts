import { registerEnumType } from '@nestjs/graphql';

export enum QuoteStatusCode {
  pending_partners = 'pending_partners',
  submitted = 'submitted',
  withdrawn = 'withdrawn',
}
registerEnumType(QuoteStatusCode, {
  name: 'QuoteStatus',
  description: 'pending_partners: a joint quote waiting for its partner firms to confirm their legs.',
});
