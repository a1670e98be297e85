import { OrderDocumentEntity } from './order-document.entity';

export const DOCUMENT_ENTITIES = [OrderDocumentEntity];
