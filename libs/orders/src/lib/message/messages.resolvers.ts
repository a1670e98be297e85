import { MessageResolver } from './graphql/message.resolver';

/** The GraphQL face of message threads: provide these in a module that provides MESSAGES_PROVIDERS. */
export const MESSAGES_RESOLVERS = [MessageResolver];
