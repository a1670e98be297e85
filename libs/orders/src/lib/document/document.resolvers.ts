import { OrderDocumentResolver } from './graphql/order-document.resolver';

/** The GraphQL face of order documents: provide these in a module that provides DOCUMENT_PROVIDERS. */
export const DOCUMENT_RESOLVERS = [OrderDocumentResolver];
