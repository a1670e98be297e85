import { MessageService } from './message.service';

/** Message threads of orders: provide in a module that also provides OrderService and QuoteService. */
export const MESSAGES_PROVIDERS = [MessageService];
