import { TaxonomyEntryEntity } from './taxonomy/taxonomy-entry.entity';
import { OfferEntity } from './offer/offer.entity';

export const CATALOGUE_ENTITIES = [TaxonomyEntryEntity, OfferEntity];
